/**
 * A development PKI minted on first start, used when no {@code server.ssl} key material
 * is configured.
 */
@NullMarked
package io.github.mtls.sample.devpki;

import org.jspecify.annotations.NullMarked;
