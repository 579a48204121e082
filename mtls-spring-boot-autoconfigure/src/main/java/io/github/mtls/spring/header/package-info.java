/**
 * Decoders of forwarded client certificate headers, one per wire format, and the detector
 * that tells the formats apart. Every decoder answers a {@link DecodedHeader}, the
 * certificates or the refusal, and never throws.
 */
@NullMarked
package io.github.mtls.spring.header;

import org.jspecify.annotations.NullMarked;
