/**
 * A MyData information-provider sample secured by mtls-spring-boot.
 */
@NullMarked
package io.github.mtls.sample;

import org.jspecify.annotations.NullMarked;
