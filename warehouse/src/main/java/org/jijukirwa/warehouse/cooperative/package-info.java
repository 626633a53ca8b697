/**
 * One cooperative's own story, and the cooperatives behind a cell: search by id or name, a cooperative's profile
 * (place, funnel timeline, trainings, coaching visits, members over time) and the managers' list of the cooperatives
 * in a cell with the stuck ones flagged; their SQL is {@code sql/cooperative/}. Cooperatives are organisations: their
 * names and steps are public. Counts of their people (members, attendees) are finer than any public cell of the
 * disclosure rule, so only managers get them. No member's personal data is read.
 */
package org.jijukirwa.warehouse.cooperative;
