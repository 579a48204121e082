/**
 * Tomcat's handling of connections around a request: what the starter changes so that a
 * slow or stalled peer cannot hold a request thread after its answer.
 */
@NullMarked
package io.github.mtls.spring.tomcat;

import org.jspecify.annotations.NullMarked;
