/**
 * Spring Security integration: filter, converter, provider, access rules and error
 * responses.
 */
@NullMarked
package io.github.mtls.spring.security;

import org.jspecify.annotations.NullMarked;
