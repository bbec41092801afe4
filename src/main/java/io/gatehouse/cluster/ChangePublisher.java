package io.gatehouse.cluster;

import io.gatehouse.account.AccountChanged;
import io.gatehouse.apikey.ApiKeyService;
import io.gatehouse.apptoken.ApplicationTokens;
import io.gatehouse.oauth.OAuthClients;
import io.gatehouse.session.SessionService;
import io.gatehouse.settings.Settings;
import io.gatehouse.token.AccessTokenRevocations;
import io.gatehouse.token.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;

/**
 * Writes each cache-outdating event made on this node into the change feed, inside the
 * transaction that made the change: the row commits with it or not at all.
 */
@ApplicationScoped
class ChangePublisher {

    @Inject
    ClusterChanges changes;

    void on(@Observes @Default AccountChanged event) {
        changes.publish(event);
    }

    void on(@Observes @Default ApiKeyService.ApiKeyReplaced event) {
        changes.publish(event);
    }

    void on(@Observes @Default ApplicationTokens.Revoked event) {
        changes.publish(event);
    }

    void on(@Observes @Default OAuthClients.Changed event) {
        changes.publish(event);
    }

    void on(@Observes @Default SessionService.SessionEnded event) {
        changes.publish(event);
    }

    void on(@Observes @Default Settings.SettingsChanged event) {
        changes.publish(event);
    }

    void on(@Observes @Default SigningKeys.Rotated event) {
        changes.publish(event);
    }

    void on(@Observes @Default AccessTokenRevocations.Revoked event) {
        changes.publish(event);
    }
}
