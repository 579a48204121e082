/**
 * Decoders of forwarded client certificate headers, one per wire format, and the detector
 * that tells the formats apart.
 */
@NullMarked
package io.github.mtls.spring.header;

import org.jspecify.annotations.NullMarked;
