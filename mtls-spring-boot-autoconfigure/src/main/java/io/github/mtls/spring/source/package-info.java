/**
 * Where a request's client certificate chain comes from.
 */
@NullMarked
package io.github.mtls.spring.source;

import org.jspecify.annotations.NullMarked;
