package com.smartengage.partner;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import com.smartengage.common.BadRequestException;
import com.smartengage.common.Texts;
import com.smartengage.common.NotFoundException;

/** Partners: the companies behind the forms. */
@Service
public class PartnerService {

	static final int MAX_NAME = 200;

	private final PartnerRepository repository;

	private final Clock clock;

	PartnerService(PartnerRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	public Partner create(String name) {
		return this.repository.insertPartner(Texts.required("name", name, MAX_NAME), this.clock.instant());
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
