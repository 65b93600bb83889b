package org.hotline.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hotline.core.auth.Role;
import org.junit.jupiter.api.Test;

class SecondFactorSettingsTest {

    @Test
    void shouldRequireASecondFactorOfSupervisorsAdministratorsAndAgencyUsersByDefault() {
        // when
        SecondFactorSettings settings = SecondFactorSettings.fromEnv(Map.of());
        // then
        assertThat(settings.requiredRoles()).containsExactlyInAnyOrder(Role.SUPERVISOR, Role.MINISTRY_ADMIN,
                Role.AGENCY_USER);
    }

    @Test
    void shouldReadTheRolesOrNone() {
        // when
        SecondFactorSettings all = SecondFactorSettings.fromEnv(Map.of("HOTLINE_TOTP_REQUIRED_ROLES",
                "operator, supervisor,MINISTRY_ADMIN,agency_user,auditor"));
        SecondFactorSettings none = SecondFactorSettings.fromEnv(Map.of("HOTLINE_TOTP_REQUIRED_ROLES", "none"));
        // then
        assertThat(all.requiredRoles()).containsExactlyInAnyOrder(Role.values());
        assertThat(none.requiredRoles()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownRoleNamingTheVariable() {
        assertThatThrownBy(() -> SecondFactorSettings.fromEnv(Map.of("HOTLINE_TOTP_REQUIRED_ROLES", "supervisor,admin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_TOTP_REQUIRED_ROLES")
                .hasMessageContaining("SUPERVISOR");
    }
}
