package io.jingling.support;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and summary of the API description served at {@code /v3/api-docs} (signed-in
 * users only).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI jinglingApi() {
		return new OpenAPI().info(new Info().title("警铃 Jingling API")
			.version("1")
			.description("警令、协查、线索、配置版本、死信与审计日志；除平台回调外均须登录，按角色授权。"));
	}

}
