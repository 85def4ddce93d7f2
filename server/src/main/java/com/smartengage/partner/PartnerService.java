package com.smartengage.partner;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.smartengage.admin.AuditLog;
import com.smartengage.common.text.Texts;
import com.smartengage.common.web.BadRequestException;
import com.smartengage.common.web.NotFoundException;

/** Partners: the companies behind the forms. */
@Service
public class PartnerService {

	static final int MAX_NAME = 200;

	private final PartnerRepository repository;

	private final Clock clock;

	private final AuditLog audit;

	PartnerService(PartnerRepository repository, Clock clock, AuditLog audit) {
		this.repository = repository;
		this.clock = clock;
		this.audit = audit;
	}

	@Transactional
	public Partner create(String name) {
		Partner partner = this.repository.insertPartner(Texts.required("name", name, MAX_NAME), this.clock.instant());
		this.audit.record("partner.created", "partner", partner.id(), "name " + partner.name());
		return partner;
	}

	public List<Partner> list() {
		return this.repository.findAll();
	}

	public Partner get(long id) {
		return this.repository.findById(id).orElseThrow(() -> new NotFoundException("No partner with id " + id));
	}

	/** The partner, or a 400 naming the field, for references inside another request. */
	public Partner reference(long id) {
		return this.repository.findById(id).orElseThrow(() -> new BadRequestException("No partner with id " + id));
	}

}
