package io.gatehouse.security;

/** The credential form a request authenticated with. */
public enum AuthScheme {
    SESSION, BASIC, API_KEY
}
