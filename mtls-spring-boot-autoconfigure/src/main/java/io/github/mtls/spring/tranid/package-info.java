/**
 * The MyData transaction id ({@code x-api-tran-id}): its forms, the filter that echoes it
 * and puts it in the logging context, and the filter that requires it. Depends on no
 * other package of the starter; the security configurer decides how a refusal is
 * answered.
 */
@NullMarked
package io.github.mtls.spring.tranid;

import org.jspecify.annotations.NullMarked;
