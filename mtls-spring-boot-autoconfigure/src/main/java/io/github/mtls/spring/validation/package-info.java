/**
 * Validation of client certificate chains against the configured trust anchors.
 */
@NullMarked
package io.github.mtls.spring.validation;

import org.jspecify.annotations.NullMarked;
