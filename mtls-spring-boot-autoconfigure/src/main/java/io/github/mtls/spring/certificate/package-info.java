/**
 * Values about a client certificate that several features share: its SHA-256 fingerprint
 * and where it came from. Depends on no other package of the starter, so that no feature
 * reaches into another for them.
 */
@NullMarked
package io.github.mtls.spring.certificate;

import org.jspecify.annotations.NullMarked;
