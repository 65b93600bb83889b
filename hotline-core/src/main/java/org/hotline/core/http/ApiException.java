package org.hotline.core.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API failure with its HTTP status, stable error code and a message safe to show the client; for a
 * request body that failed validation, {@link #fields()} names each bad field with what is wrong with it.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> fields;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A 400 {@code invalid_fields} failure listing every bad field (field name to message), in form order. */
    public static ApiException invalidFields(Map<String, String> fields) {
        return new ApiException(400, "invalid_fields", "Some fields are missing or invalid; see 'fields'.", fields);
    }

    /** Field name to what is wrong with it; empty unless the request body failed validation. */
    public Map<String, String> fields() {
        return fields;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }
}
