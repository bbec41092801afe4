package io.gatehouse.cluster;

import io.gatehouse.account.AccountChanged;
import io.gatehouse.apikey.ApiKeyService;
import io.gatehouse.apptoken.ApplicationTokens;
import io.gatehouse.oauth.OAuthClients;
import io.gatehouse.session.SessionService;
import io.gatehouse.settings.Settings;
import io.gatehouse.token.AccessTokenRevocations;
import io.gatehouse.token.SigningKeys;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.Map;
import java.util.Optional;

/**
 * The events that outdate a node-local cache, each under a topic name, and their JSON form in the
 * change feed. An event type missing here would change one node only: {@code ReplicatedEventsTest}
 * names every cache-dropping observer's event.
 */
final class ReplicatedEvents {

    static final Map<String, Class<? extends Record>> TOPICS = Map.of(
            "account", AccountChanged.class,
            "apikey", ApiKeyService.ApiKeyReplaced.class,
            "apptoken", ApplicationTokens.Revoked.class,
            "oauthclient", OAuthClients.Changed.class,
            "session", SessionService.SessionEnded.class,
            "settings", Settings.SettingsChanged.class,
            "signingkey", SigningKeys.Rotated.class,
            "accesstoken", AccessTokenRevocations.Revoked.class);

    private static final Jsonb JSON = JsonbBuilder.create();

    private ReplicatedEvents() {
    }

    static String topicOf(Record event) {
        return TOPICS.entrySet().stream().filter(e -> e.getValue() == event.getClass()).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Not replicated: " + event.getClass()));
    }

    static String encode(Record event) {
        return JSON.toJson(event);
    }

    /** The event a row describes; empty for a topic this version does not know (a newer node wrote it). */
    static Optional<Record> decode(String topic, String payload) {
        Class<? extends Record> type = TOPICS.get(topic);
        return type == null ? Optional.empty() : Optional.of(JSON.fromJson(payload, type));
    }
}
