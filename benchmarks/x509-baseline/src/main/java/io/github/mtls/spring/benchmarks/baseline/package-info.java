/**
 * The baseline of {@code benchmarks/load/run}: what an application has without the
 * starter, {@code server.ssl.client-auth=need} and Spring Security's {@code x509()}.
 */
@NullMarked
package io.github.mtls.spring.benchmarks.baseline;

import org.jspecify.annotations.NullMarked;
