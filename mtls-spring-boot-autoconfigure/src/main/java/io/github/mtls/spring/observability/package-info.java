/**
 * Audit of refused requests and health of the org-list registry.
 */
@NullMarked
package io.github.mtls.spring.observability;

import org.jspecify.annotations.NullMarked;
