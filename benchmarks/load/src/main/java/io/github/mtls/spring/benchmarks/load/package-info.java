/**
 * The load driver of {@code benchmarks/load/run}.
 */
@NullMarked
package io.github.mtls.spring.benchmarks.load;

import org.jspecify.annotations.NullMarked;
