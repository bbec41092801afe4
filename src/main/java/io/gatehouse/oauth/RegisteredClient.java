package io.gatehouse.oauth;

import java.util.Set;

/** A client as held in memory, for authenticating token requests without a database read. */
public record RegisteredClient(String clientId, String name, String secretHash, Set<String> grantTypes, Set<String> scopes) {

    static RegisteredClient of(OAuthClient client) {
        return new RegisteredClient(client.getClientId(), client.getName(), client.getSecretHash(),
                Set.copyOf(client.grantTypes()), Set.copyOf(client.scopes()));
    }
}
