/**
 * MyData operators: the registry, the principal, and SERIALNUMBER extraction.
 */
@NullMarked
package io.github.mtls.spring.mydata;

import org.jspecify.annotations.NullMarked;
