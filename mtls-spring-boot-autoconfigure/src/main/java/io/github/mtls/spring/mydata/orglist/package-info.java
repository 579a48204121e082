/**
 * The operator registry synchronised from the MyData portal's org list (support API 002
 * response): parsing, incremental updates, sources and scheduled refresh.
 */
@NullMarked
package io.github.mtls.spring.mydata.orglist;

import org.jspecify.annotations.NullMarked;
