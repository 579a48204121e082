/**
 * Calling endpoints as a MyData operator in tests: MockMvc request post-processors and
 * JDK HTTP clients for real HTTPS.
 */
@NullMarked
package io.github.mtls.spring.test.web;

import org.jspecify.annotations.NullMarked;
