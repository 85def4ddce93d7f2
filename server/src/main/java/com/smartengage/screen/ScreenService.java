package com.smartengage.screen;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.admin.AuditLog;
import com.smartengage.common.text.Texts;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.NotFoundException;

/** Screens: where QR codes are shown, and so where scans come from. */
@Service
public class ScreenService {

	private final ScreenRepository repository;

	private final Clock clock;

	private final AuditLog audit;

	ScreenService(ScreenRepository repository, Clock clock, AuditLog audit) {
		this.repository = repository;
		this.clock = clock;
		this.audit = audit;
	}

	@Transactional
	public Screen create(String name, String location) {
		Screen screen = this.repository.insert(Texts.required("name", name, 200),
				Texts.optional("location", location, 500), this.clock.instant());
		this.audit.record("screen.created", "screen", screen.id(), "name " + screen.name());
		return screen;
	}

	public List<Screen> list() {
		return this.repository.findAll();
	}

	public Screen get(long id) {
		return this.repository.findById(id).orElseThrow(() -> new NotFoundException("No screen with id " + id));
	}

	/** The screen, or a 400, for references inside another request. */
	public Screen reference(long id) {
		return this.repository.findById(id).orElseThrow(() -> new BadRequestException("No screen with id " + id));
	}

}
