package io.github.mtls.spring.autoconfigure;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import io.github.mtls.spring.error.MtlsReason;
import io.github.mtls.spring.security.MalformedRequestBodyResolver;
import io.github.mtls.spring.security.MtlsErrorCode;
import io.github.mtls.spring.security.MtlsErrorWriter;

/**
 * The error writer, from {@code mtls.errors}: body format and per-reason overrides,
 * checked at startup (statuses 400-499, codes of letters and digits).
 *
 * @author mtls-spring-boot
 */
@Configuration(proxyBeanMethods = false)
class MtlsErrorsConfiguration {

	private static final Pattern RSP_CODE = Pattern.compile("[A-Za-z0-9]{1,16}");

	@Bean
	@ConditionalOnMissingBean
	MtlsErrorWriter mtlsErrorWriter(MtlsProperties properties, ObjectProvider<JsonMapper> jsonMapper,
			ApplicationEventPublisher publisher) {
		// Boot's JsonMapper carries Spring's ProblemDetail mix-in; a fallback needs it
		// too.
		MtlsErrorWriter writer = new MtlsErrorWriter(jsonMapper.getIfAvailable(
				() -> JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()));
		writer.setEventPublisher(publisher);
		writer.setFormat(properties.errors().format());
		writer.setErrorCodes(errorCodes(properties.errors().codes()));
		return writer;
	}

	static Map<MtlsReason, MtlsErrorCode> errorCodes(Map<MtlsReason, MtlsProperties.Code> overrides) {
		Map<MtlsReason, MtlsErrorCode> codes = new EnumMap<>(MtlsReason.class);
		overrides.forEach((reason, override) -> {
			String prefix = "mtls.errors.codes." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".";
			MtlsErrorCode defaults = MtlsErrorCode.of(reason);
			int status = (override.status() != null) ? override.status() : defaults.status();
			if (status < 400 || status > 499) {
				throw new InvalidConfigurationPropertyValueException(prefix + "status", status,
						"A refusal's status must be a client error, 400-499.");
			}
			String rspCode = (override.rspCode() != null) ? override.rspCode().trim() : defaults.rspCode();
			if (!RSP_CODE.matcher(rspCode).matches()) {
				throw new InvalidConfigurationPropertyValueException(prefix + "rsp-code", rspCode,
						"An rsp_code is 1-16 ASCII letters and digits, such as 40103.");
			}
			String rspMsg = (override.rspMsg() != null) ? override.rspMsg() : defaults.rspMessage();
			if (rspMsg.length() > 300 || rspMsg.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
				throw new InvalidConfigurationPropertyValueException(prefix + "rsp-msg", rspMsg,
						"An rsp_msg is at most 300 characters without control characters.");
			}
			codes.put(reason, new MtlsErrorCode(status, rspCode, rspMsg));
		});
		return codes;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.servlet.HandlerExceptionResolver")
	static class MalformedRequestBodyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MalformedRequestBodyResolver mtlsMalformedRequestBodyResolver(MtlsErrorWriter errorWriter) {
			return new MalformedRequestBodyResolver(errorWriter);
		}

	}

}
