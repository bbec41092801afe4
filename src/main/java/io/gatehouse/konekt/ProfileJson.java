package io.gatehouse.konekt;

import io.gatehouse.account.CallerProfile;
import io.gatehouse.web.Json;
import jakarta.json.JsonObjectBuilder;

/** A user as Konekt shows one: userid, email, name, role, partnerid. */
final class ProfileJson {

    private ProfileJson() {
    }

    static JsonObjectBuilder of(CallerProfile profile) {
        return Json.object()
                .add("userid", profile.userId())
                .add("email", profile.email())
                .add("name", profile.name())
                .add("role", profile.role())
                .add("partnerid", profile.partnerId());
    }
}
