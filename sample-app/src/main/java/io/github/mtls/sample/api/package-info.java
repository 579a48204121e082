/**
 * The sample's MyData API: bank accounts, cards, and who the caller is.
 */
@NullMarked
package io.github.mtls.sample.api;

import org.jspecify.annotations.NullMarked;
