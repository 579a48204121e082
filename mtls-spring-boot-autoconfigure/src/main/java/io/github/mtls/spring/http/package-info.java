/**
 * Outbound HTTP shared by the features that fetch documents (OCSP responses, CRLs, the
 * org list): one bounded exchange with the JDK's client.
 */
@NullMarked
package io.github.mtls.spring.http;

import org.jspecify.annotations.NullMarked;
