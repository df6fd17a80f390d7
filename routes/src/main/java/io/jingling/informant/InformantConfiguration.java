package io.jingling.informant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InformantConfiguration {

	@Bean
	IdentityVault identityVault(@Value("${jingling.vault.key:}") String key) {
		return new IdentityVault(key);
	}

}
