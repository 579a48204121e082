/**
 * IP address literals and CIDR ranges, IPv4 and IPv6, parsed without name resolution:
 * used for trusted proxies and for operators' IP allowlists. Depends on no other package
 * of the starter.
 */
@NullMarked
package io.github.mtls.spring.net;

import org.jspecify.annotations.NullMarked;
