package dev.kcscim.core.resource;

import java.time.Instant;

/** The {@code meta} common attribute (RFC 7643 §3.1); instants are written as xsd:dateTime. */
public record Meta(String resourceType, Instant created, Instant lastModified, String location, String version) {
}
