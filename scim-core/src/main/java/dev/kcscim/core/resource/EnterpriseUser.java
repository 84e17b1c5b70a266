package dev.kcscim.core.resource;

/** The Enterprise User extension (RFC 7643 §4.3), serialised under its schema URN. */
public record EnterpriseUser(String employeeNumber, String costCenter, String organization, String division,
        String department, Manager manager) {
}
