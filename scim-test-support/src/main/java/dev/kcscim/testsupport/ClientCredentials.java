package dev.kcscim.testsupport;

/** A confidential client's id and secret in one realm. */
public record ClientCredentials(String realm, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "ClientCredentials[realm=" + realm + ", clientId=" + clientId + ", clientSecret=***]";
    }
}
