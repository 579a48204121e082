/**
 * JMH benchmarks of the work done for every authenticated request.
 */
@NullMarked
package io.github.mtls.spring.benchmarks;

import org.jspecify.annotations.NullMarked;
