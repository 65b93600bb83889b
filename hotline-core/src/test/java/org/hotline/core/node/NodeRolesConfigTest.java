package org.hotline.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import org.hotline.core.node.NodeRoles.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeRolesConfigTest {

    @Test
    void shouldRunEveryRoleWhenNothingIsSet() {
        // when
        NodeRoles roles = NodeRoles.fromEnv(Map.of());
        // then
        assertThat(roles.isAll()).isTrue();
        assertThat(roles.backOffice()).isFalse();
        assertThat(roles).hasToString("ivr,dispatch,web");
    }

    @Test
    void shouldReadACommaListInAnyCaseAndOrderWithSpaces() {
        // when
        NodeRoles backOffice = NodeRoles.fromEnv(Map.of("HOTLINE_ROLES", " Web , DISPATCH"));
        NodeRoles callFacing = NodeRoles.fromEnv(Map.of("HOTLINE_ROLES", "ivr"));
        // then
        assertThat(backOffice.roles()).containsExactlyInAnyOrderElementsOf(EnumSet.of(Role.DISPATCH, Role.WEB));
        assertThat(backOffice.backOffice()).isTrue();
        assertThat(backOffice).hasToString("dispatch,web");
        assertThat(callFacing.roles()).containsExactly(Role.IVR);
        assertThat(callFacing.backOffice()).isFalse();
        assertThat(callFacing.isAll()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] HOTLINE_ROLES=''{0}''")
    @CsvSource(delimiter = '|', value = {
            "ivr,backoffice | the unknown role 'backoffice'",
            "''             | an empty entry",
            "' , '          | an empty entry",
            "ivr,,web       | an empty entry",
            "ivr,web,IVR    | 'ivr' twice",
            "all            | the unknown role 'all'"})
    void shouldRefuseABadListNamingTheVariableAndTheAllowedRoles(String value, String what) {
        assertThatThrownBy(() -> NodeRoles.fromEnv(Map.of("HOTLINE_ROLES", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Configuration HOTLINE_ROLES='" + value + "' is invalid (" + what + ")")
                .hasMessageContaining("expected a comma-separated list of ivr, dispatch, web, each at most once");
    }

    @Test
    void shouldStopStartUpBeforeAnythingStartsWhenTheRolesAreBad() {
        // given: a configuration that is otherwise fine
        Map<String, String> env = Map.of("HOTLINE_ROLES", "ivr,dispatcher", "HOTLINE_DATA_DIR", "/nonexistent/never-written");
        // when / then: the assembly refuses it in its constructor, before storage, ports or files
        assertThatThrownBy(() -> new NodeAssembly(HotlineConfig.fromEnv(env), env, java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HOTLINE_ROLES='ivr,dispatcher'")
                .hasMessageContaining("the unknown role 'dispatcher'");
        assertThat(java.nio.file.Path.of("/nonexistent/never-written")).doesNotExist();
    }
}
