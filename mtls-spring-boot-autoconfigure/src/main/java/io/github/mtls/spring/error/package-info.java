/**
 * The reasons a request is refused and how they reach Spring Security, shared by error
 * bodies, audit lines and metrics.
 */
@NullMarked
package io.github.mtls.spring.error;

import org.jspecify.annotations.NullMarked;
