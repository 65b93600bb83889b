package org.hotline.core.pathway.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.core.pathway.Activation;
import org.hotline.core.pathway.PathwayVersion;
import org.hotline.pathway.CoverageMatrix;
import org.hotline.pathway.Disclosure;
import org.hotline.pathway.PathwayDiff;
import org.hotline.pathway.PathwaySimulator;
import org.hotline.pathway.Problem;
import org.hotline.pathway.Recipient;

/** JSON views of pathway versions, schedules, problems, simulations, diffs and coverage for the API. */
public final class PathwayJson {

    private PathwayJson() {}

    /** A version without its text. */
    public static JsonObject summary(PathwayVersion v) {
        PathwayVersion.Transition last = v.transitions().isEmpty() ? null : v.transitions().get(v.transitions().size() - 1);
        return new JsonObject().put("id", v.id()).put("label", v.label()).put("pathwayId", v.pathwayId())
                .put("version", v.version()).put("state", v.state().name()).put("createdBy", v.createdBy())
                .put("createdAt", v.createdAt().toString()).put("warningCount", v.warnings().size())
                .put("lastChange", last == null ? null : transition(last));
    }

    /** A version with its text, lint warnings and full history. */
    public static JsonObject full(PathwayVersion v) {
        return summary(v).put("yaml", v.yaml()).put("warnings", problems(v.warnings()))
                .put("transitions", new JsonArray(v.transitions().stream().map(PathwayJson::transition).toList()));
    }

    public static JsonObject activation(Activation a) {
        return new JsonObject().put("id", a.id()).put("versionId", a.versionId()).put("label", a.label())
                .put("effectiveAt", a.effectiveAt().toString()).put("requestedBy", a.requestedBy())
                .put("requestedAt", a.requestedAt().toString()).put("reason", a.reason()).put("kind", a.kind().name());
    }

    public static JsonArray problems(List<Problem> problems) {
        return new JsonArray(problems.stream().map(p -> new JsonObject().put("line", p.line()).put("column", p.column())
                .put("path", p.path()).put("code", p.code()).put("severity", p.severity().name())
                .put("message", p.message())).toList());
    }

    /** Problems keyed by YAML path, for the error body's {@code fields}: "line L, column C: code: message". */
    public static Map<String, String> problemFields(List<Problem> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Problem p : problems) {
            String text = "line " + p.line() + ", column " + p.column() + ": " + p.code() + ": " + p.message();
            fields.merge(p.path() == null || p.path().isEmpty() ? "(document)" : p.path(), text, (a, b) -> a + "; " + b);
        }
        return fields;
    }

    public static JsonObject simulation(String pathwayId, String version, List<PathwaySimulator.Outcome> outcomes) {
        JsonArray tips = new JsonArray();
        for (int i = 0; i < outcomes.size(); i++) {
            PathwaySimulator.Outcome o = outcomes.get(i);
            tips.add(new JsonObject().put("index", i + 1).put("reference", o.tip().get("reference"))
                    .put("fallbackUsed", o.routing().fallbackUsed())
                    .put("recipients", new JsonArray(o.deliveries().stream().map(PathwayJson::delivery).toList())));
        }
        return new JsonObject().put("pathwayId", pathwayId).put("version", version).put("tips", tips);
    }

    private static JsonObject delivery(PathwaySimulator.Delivery d) {
        Recipient r = d.recipient();
        Disclosure disclosure = d.disclosure();
        return new JsonObject().put("agencyId", r.agencyId()).put("agencyName", r.agencyName()).put("profile", r.profile())
                .put("priority", r.priority().name()).put("acknowledgeWithin", r.acknowledgeWithin().toString())
                .put("escalationChain", new JsonArray(r.escalationChain()))
                .put("matchedRules", new JsonArray(r.matchedRules()))
                .put("payload", plain(disclosure.payload()))
                .put("withheld", new JsonArray(disclosure.withheld()))
                .put("overrides", new JsonArray(disclosure.overrides().stream().map(o -> new JsonObject()
                        .put("ruleId", o.ruleId()).put("field", o.field()).put("consentPurpose", o.consentPurpose())
                        .put("condition", o.condition()).put("reason", o.reason())).toList()));
    }

    public static JsonObject diff(PathwayDiff diff) {
        return new JsonObject().put("fromVersion", diff.fromVersion()).put("toVersion", diff.toVersion())
                .put("agencies", changes(diff.agencies())).put("profiles", changes(diff.profiles()))
                .put("rules", changes(diff.rules())).put("other", changes(diff.other()))
                .put("tips", new JsonArray(diff.tips().stream().map(t -> new JsonObject().put("index", t.index())
                        .put("reference", t.reference()).put("before", new JsonArray(t.before()))
                        .put("after", new JsonArray(t.after())).put("payload", new JsonArray(t.payload()))).toList()))
                .put("coverage", new JsonArray(diff.coverage().stream().map(c -> new JsonObject()
                        .put("exploitationType", c.exploitationType()).put("region", c.region()).put("child", c.child())
                        .put("before", new JsonArray(c.before())).put("after", new JsonArray(c.after()))
                        .put("gapBefore", c.gapBefore()).put("gapAfter", c.gapAfter())).toList()));
    }

    public static JsonObject coverage(CoverageMatrix matrix) {
        return new JsonObject().put("pathwayId", matrix.pathwayId()).put("version", matrix.pathwayVersion())
                .put("gaps", matrix.gaps().size())
                .put("cells", new JsonArray(matrix.cells().stream().map(c -> new JsonObject()
                        .put("exploitationType", c.exploitationType()).put("region", c.region()).put("child", c.child())
                        .put("agencies", new JsonArray(c.agencies())).put("gap", c.gap())).toList()));
    }

    private static JsonArray changes(List<PathwayDiff.Change> changes) {
        return new JsonArray(changes.stream().map(c -> new JsonObject().put("id", c.id()).put("kind", c.kind().name())
                .put("details", new JsonArray(c.details()))).toList());
    }

    private static JsonObject transition(PathwayVersion.Transition t) {
        return new JsonObject().put("from", t.from() == null ? null : t.from().name()).put("to", t.to().name())
                .put("by", t.by()).put("at", t.at().toString()).put("reason", t.reason());
    }

    /** Payload values as JSON: instants and dates as ISO text, everything else as is. */
    private static JsonObject plain(Map<String, Object> payload) {
        JsonObject out = new JsonObject();
        payload.forEach((k, v) -> out.put(k, v instanceof Instant i ? i.toString()
                : v instanceof Date d ? d.toInstant().toString() : v));
        return out;
    }
}
