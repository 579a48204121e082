/**
 * Audit of refused requests.
 */
@NullMarked
package io.github.mtls.spring.observability;

import org.jspecify.annotations.NullMarked;
