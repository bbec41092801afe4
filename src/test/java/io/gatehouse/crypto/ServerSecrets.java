package io.gatehouse.crypto;

/** For tests that write secrets as a server would: its key, loaded from the same configuration. */
public final class ServerSecrets {

    private ServerSecrets() {
    }

    /** The server key a server started now would load ({@code GATEHOUSE_SECRET}, or the data folder's). */
    public static ServerSecret configured() {
        ServerSecret secret = new ServerSecret();
        secret.load();
        return secret;
    }
}
