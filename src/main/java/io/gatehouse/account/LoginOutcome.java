package io.gatehouse.account;

/** The result of an e-mail and password login. Every refusal but the address block looks the same. */
public record LoginOutcome(Status status, CallerProfile profile) {

    public enum Status {
        ACCEPTED, REFUSED, ADDRESS_BLOCKED,
        /** emnify's rule: three failures in a row block the account's logins for five minutes. */
        ACCOUNT_BLOCKED
    }

    static LoginOutcome accepted(CallerProfile profile) {
        return new LoginOutcome(Status.ACCEPTED, profile);
    }

    static LoginOutcome refused() {
        return new LoginOutcome(Status.REFUSED, null);
    }

    static LoginOutcome addressBlocked() {
        return new LoginOutcome(Status.ADDRESS_BLOCKED, null);
    }

    static LoginOutcome accountBlocked() {
        return new LoginOutcome(Status.ACCOUNT_BLOCKED, null);
    }

    public boolean isAccepted() {
        return status == Status.ACCEPTED;
    }
}
