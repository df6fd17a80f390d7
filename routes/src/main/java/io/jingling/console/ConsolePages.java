package io.jingling.console;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.jingling.bots.engine.Officer;
import io.jingling.directory.Directory;
import io.jingling.directory.DirectoryStore;
import io.jingling.engine.DispatcherRequests;
import io.jingling.support.HubProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's pages: the dashboard ({@code /}), an order ({@code /orders/{code}}), an
 * assist request ({@code /assist-requests/{code}}) and the form that opens one
 * ({@code /assist-requests/new}, dispatchers), the tips inbox ({@code /tips}), and for
 * admins the config editor ({@code /config}), dead letters ({@code /dead-letters}) and
 * the audit log ({@code /audit}). Who may open which page is in the security
 * configuration; the API under them checks again.
 */
@Controller
class ConsolePages {

	private final DirectoryStore directory;

	private final DispatcherRequests requests;

	private final HubProperties hub;

	ConsolePages(DirectoryStore directory, DispatcherRequests requests, HubProperties hub) {
		this.directory = directory;
		this.requests = requests;
		this.hub = hub;
	}

	@GetMapping("/")
	String dashboard() {
		return "console/dashboard";
	}

	@GetMapping("/orders/{code}")
	String order(@PathVariable String code, Model model) {
		model.addAttribute("code", code);
		return "console/order";
	}

	@GetMapping("/assist-requests/{code}")
	String assist(@PathVariable String code, Model model) {
		model.addAttribute("code", code);
		return "console/assist";
	}

	@GetMapping("/assist-requests/new")
	String newAssist(Model model) {
		return form(model, List.of(), "", null, (int) this.hub.assistValidity().toHours(), null);
	}

	@PostMapping("/assist-requests")
	String openAssist(@RequestParam(required = false) List<String> circles, @RequestParam String content,
			@RequestParam String caseOfficer, @RequestParam(required = false) Integer validityHours,
			@RequestParam(defaultValue = "false") boolean urgent,
			@RequestParam(defaultValue = "false") boolean sensitive, @RequestParam String key, Model model,
			Principal user) {
		List<String> chosen = (circles != null) ? circles : List.of();
		try {
			DispatcherRequests.Opened opened = this.requests.open(user.getName(),
					new DispatcherRequests.Form(chosen, content, caseOfficer, validityHours, urgent, sensitive), key);
			return "redirect:/assist-requests/" + opened.code();
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("key", key);
			return form(model, chosen, content, caseOfficer,
					(validityHours != null) ? validityHours : (int) this.hub.assistValidity().toHours(),
					ex.getMessage());
		}
	}

	@GetMapping("/tips")
	String tips() {
		return "console/tips";
	}

	@GetMapping("/config")
	String config() {
		return "console/config";
	}

	@GetMapping("/dead-letters")
	String deadLetters() {
		return "console/dead-letters";
	}

	@GetMapping("/audit")
	String audit() {
		return "console/audit";
	}

	private String form(Model model, List<String> selected, String content, String caseOfficer, int validityHours,
			String error) {
		Directory people = this.directory.current();
		model.addAttribute("circles", people.circles());
		model.addAttribute("officers",
				people.officers().values().stream().sorted(Comparator.comparing(Officer::userId)).toList());
		model.addAttribute("selected", selected);
		model.addAttribute("content", content);
		model.addAttribute("caseOfficer", caseOfficer);
		model.addAttribute("validityHours", validityHours);
		model.addAttribute("error", error);
		if (!model.containsAttribute("key")) {
			model.addAttribute("key", UUID.randomUUID().toString());
		}
		return "console/assist-new";
	}

}
