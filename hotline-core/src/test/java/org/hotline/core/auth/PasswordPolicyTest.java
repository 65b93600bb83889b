package org.hotline.core.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password2024!", "qwertyuiop12", "iloveyou2025", "Welcome 2026!!",
            "hotline12345", "letmein12345"})
    void shouldRefuseCommonPasswordsAndTheirUsualLongForms(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check("ana.operator", password.toCharArray()))
                .isInstanceOf(AccountException.class).hasMessageContaining("common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "abababababab", "abcabcabcabc", "112211221122", "abcdefghijklm",
            "123456789012", "zyxwvutsrqpo"})
    void shouldRefuseRepetitivePasswords(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check("ana.operator", password.toCharArray()))
                .isInstanceOf(AccountException.class).hasMessageContaining("repetitive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "minister's own long secret", "river-lamp-7-orbit"})
    void shouldAcceptLongUnrelatedWords(String password) {
        assertThatCode(() -> PasswordPolicy.check("ana.operator", password.toCharArray())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "ana.operator-2026", "my ANA.OPERATOR pass"})
    void shouldRefuseShortPasswordsAndOnesHoldingTheUsername(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check("ana.operator", password.toCharArray()))
                .isInstanceOf(AccountException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((AccountException) e).code())
                        .isEqualTo("weak_password"));
    }
}
