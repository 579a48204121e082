/**
 * Auto-configuration of mutual-TLS client certificate authentication: properties, Tomcat
 * client auth and the default security filter chain.
 */
@NullMarked
package io.github.mtls.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
