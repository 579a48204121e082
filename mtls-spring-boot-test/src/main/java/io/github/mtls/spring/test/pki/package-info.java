/**
 * Minting of test and development certificates (CAs, operators, proxies, servers) with
 * BouncyCastle, used as a library: no JCA provider is registered.
 */
@NullMarked
package io.github.mtls.spring.test.pki;

import org.jspecify.annotations.NullMarked;
