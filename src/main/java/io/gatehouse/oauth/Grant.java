package io.gatehouse.oauth;

/** One OAuth grant type: validates its request for an authenticated client and issues the answer. */
interface Grant {

    String type();

    TokenResponse grant(TokenRequest request, RegisteredClient client, String address);
}
