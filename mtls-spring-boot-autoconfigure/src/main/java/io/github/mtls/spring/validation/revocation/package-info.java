/**
 * Revocation checking of client certificates with OCSP and CRLs (BouncyCastle as a
 * library, the JDK's HTTP client with timeouts).
 */
@NullMarked
package io.github.mtls.spring.validation.revocation;

import org.jspecify.annotations.NullMarked;
