import { Router, type Response } from "express";
import { endpoints, type MeetingDay } from "@forum/shared";
import type mongoose from "mongoose";
import { certificateIssuer } from "../commands/certificateIssuer.js";
import { anyOf } from "../db/anyOf.js";
import type { Config } from "../config.js";
import { attendanceSheetPdf } from "../documents/attendanceSheetPdf.js";
import { certificatePdf } from "../documents/certificatePdf.js";
import { cohortReportCsv } from "../documents/cohortReportCsv.js";
import { cohortReportFileName } from "../documents/cohortReportTable.js";
import { cohortReportXlsx } from "../documents/cohortReportXlsx.js";
import { COHORT_CERTIFICATE_REFUSAL, meetingCertificateRefusal } from "../domain/certificateRefusal.js";
import { conflict, notFound } from "../errors/AppError.js";
import { route, sent } from "../http/declareRoute.js";
import { countAttempt } from "../http/rateLimits.js";
import { mailBaseUrl } from "../infra/mailer.js";
import { Certificate, type CertificateDocument } from "../models/Certificate.js";
import { Cohort, type CohortDocument } from "../models/Cohort.js";
import { Group } from "../models/Group.js";
import { Meeting, type MeetingDocument } from "../models/Meeting.js";
import { Membership } from "../models/Membership.js";
import { authorize, can, type Actor } from "../policies/index.js";
import { attendanceSheet } from "../queries/attendanceSheet.js";
import { cohortReport } from "../queries/cohortReport.js";
import { jstsByIds } from "../queries/jstCatalogue.js";
import { attendedDates, daysAttended } from "../queries/sessionAttendance.js";

/** A cohort has up to about 100 groups of at most 30 sessions each: bounds, not pages. */
const GROUPS_MAX = 1_000;
const MEETINGS_PER_GROUP_MAX = 30;

async function meetingFor(actor: Actor, id: mongoose.Types.ObjectId, action: string): Promise<MeetingDocument> {
  const meeting = await Meeting.findById(id).lean();
  if (!meeting) throw notFound();
  authorize(actor, action, "Meeting", meeting);
  return meeting;
}

async function cohortFor(id: mongoose.Types.ObjectId): Promise<CohortDocument> {
  const cohort = await Cohort.findById(id).lean();
  if (!cohort) throw notFound();
  return cohort;
}

async function ownDays(meeting: MeetingDocument, userId: mongoose.Types.ObjectId): Promise<Set<MeetingDay>> {
  const attended = await daysAttended([meeting._id], userId);
  return attended.get(meeting._id.toString())?.get(userId.toString()) ?? new Set();
}

const sendPdf = (res: Response, fileName: string, bytes: Buffer) =>
  sent(res.type("application/pdf").attachment(fileName).send(bytes));

const sessionName = (meeting: Pick<MeetingDocument, "number" | "title">) =>
  `Spotkanie nr ${meeting.number}: ${meeting.title}`;

/** The session's attendance sheet, certificates of participation and their verification, the programme's report. */
export function meetingDocumentRoutes(config: Pick<Config, "PUBLIC_URL" | "PORT">): Router {
  const router = Router();
  const verificationUrl = (certificate: CertificateDocument) =>
    `${mailBaseUrl(config)}/zaswiadczenia/${certificate.code}`;

  async function workplaceOf(user: Express.User): Promise<{ jst: string; position: string }> {
    const jst = user.jstId ? (await jstsByIds([user.jstId])).get(user.jstId.toString()) : undefined;
    return { jst: jst?.name ?? "", position: user.position ?? "" };
  }

  route(router, endpoints.meetingDocuments.meetingDocuments, async ({ actor, user, params }) => {
    const meeting = await meetingFor(actor, params.id, "read");
    const [days, group] = await Promise.all([
      ownDays(meeting, user._id),
      Group.findById(meeting.groupId, { cohortId: 1 }).lean(),
    ]);
    const certified = meetingCertificateRefusal(meeting.status, days.size) === null;
    return {
      canDownloadAttendanceSheet: can(actor, "seeAttendance", "Meeting", meeting),
      canDownloadCertificate: certified,
      cohortCertificateId: certified ? (group?.cohortId?.toString() ?? null) : null,
    };
  });

  route(router, endpoints.meetingDocuments.attendanceSheet, async ({ actor, params }, _req, res) => {
    const meeting = await meetingFor(actor, params.id, "seeAttendance");
    const group = await Group.findById(meeting.groupId, { name: 1, cohort: 1, cohortId: 1 }).lean();
    if (!group) throw notFound();
    const bytes = await attendanceSheetPdf(await attendanceSheet(meeting, group));
    return sendPdf(res, `lista-obecnosci-spotkanie-${meeting.number}.pdf`, bytes);
  });

  route(router, endpoints.meetingDocuments.meetingCertificate, async ({ actor, user, params, context }, _req, res) => {
    const meeting = await meetingFor(actor, params.id, "read");
    const days = await ownDays(meeting, user._id);
    const refusal = meetingCertificateRefusal(meeting.status, days.size);
    if (refusal) throw conflict(refusal);
    const group = await Group.findById(meeting.groupId, { name: 1, cohort: 1, cohortId: 1 }).lean();
    if (!group) throw notFound();
    const cohort = group.cohortId ? await Cohort.findById(group.cohortId, { name: 1 }).lean() : null;
    const programme = cohort?.name ?? group.cohort;
    const dates = attendedDates(meeting, days);
    const certificate = await certificateIssuer({
      userId: user._id,
      subjectType: "Meeting",
      subjectId: meeting._id,
      name: user.name,
      programme,
      subject: `${sessionName(meeting)} (grupa ${group.name})`,
      days: dates,
      context,
    });
    const bytes = await certificatePdf({
      name: user.name,
      ...(await workplaceOf(user)),
      programme,
      lines: [
        `w spotkaniu Grupy Wymiany Doświadczeń „${group.name}”`,
        sessionName(meeting),
        meeting.venue ? `Miejsce: ${meeting.venue}` : "",
      ].filter(Boolean),
      days: dates,
      code: certificate.code,
      verificationUrl: verificationUrl(certificate),
      issuedAt: certificate.issuedAt,
    });
    return sendPdf(res, `zaswiadczenie-spotkanie-${meeting.number}.pdf`, bytes);
  });

  route(router, endpoints.meetingDocuments.cohortCertificate, async ({ user, params, context }, _req, res) => {
    const cohort = await cohortFor(params.id);
    const groups = await Group.find({ cohortId: cohort._id }, { _id: 1 }).limit(GROUPS_MAX).lean();
    const meetings = groups.length
      ? await Meeting.find({ groupId: anyOf(groups.map((group) => group._id)) })
          .limit(MEETINGS_PER_GROUP_MAX * groups.length)
          .lean()
      : [];
    const held = meetings
      .filter((meeting) => meeting.status === "closed")
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const attended = await daysAttended(
      held.map((meeting) => meeting._id),
      user._id,
    );
    const mine = held.filter((meeting) => attended.get(meeting._id.toString())?.has(user._id.toString()));
    if (mine.length === 0) throw conflict(COHORT_CERTIFICATE_REFUSAL);
    // The person's own group's sessions held: those of the groups where they attended.
    const ownGroups = new Set(mine.map((meeting) => meeting.groupId.toString()));
    const heldInOwnGroups = held.filter((meeting) => ownGroups.has(meeting.groupId.toString())).length;
    const dates = mine.flatMap((meeting) =>
      attendedDates(meeting, attended.get(meeting._id.toString())?.get(user._id.toString())),
    );
    const certificate = await certificateIssuer({
      userId: user._id,
      subjectType: "Cohort",
      subjectId: cohort._id,
      name: user.name,
      programme: cohort.name,
      subject: `Udział w programie: ${mine.length} z ${heldInOwnGroups} odbytych spotkań`,
      days: dates,
      context,
    });
    const bytes = await certificatePdf({
      name: user.name,
      ...(await workplaceOf(user)),
      programme: cohort.name,
      lines: [
        `Spotkania, w których wziął(-ęła) udział: ${mine.length} z ${heldInOwnGroups} odbytych`,
        `Osobodni udziału: ${dates.length}`,
        ...mine.map(sessionName),
      ],
      days: dates,
      code: certificate.code,
      verificationUrl: verificationUrl(certificate),
      issuedAt: certificate.issuedAt,
    });
    return sendPdf(res, `zaswiadczenie-program.pdf`, bytes);
  });

  route(router, endpoints.meetingDocuments.myCertificates, async ({ user }) => {
    const memberships = await Membership.find({ userId: user._id }, { groupId: 1 }).limit(GROUPS_MAX).lean();
    const groups = memberships.length
      ? await Group.find({ _id: anyOf(memberships.map((entry) => entry.groupId)) }, { cohortId: 1 }).lean()
      : [];
    const meetings = groups.length
      ? await Meeting.find({ groupId: anyOf(groups.map((group) => group._id)) }, { groupId: 1, status: 1 })
          .limit(MEETINGS_PER_GROUP_MAX * groups.length)
          .lean()
      : [];
    const held = meetings.filter((meeting) => meeting.status === "closed");
    const attended = await daysAttended(
      held.map((meeting) => meeting._id),
      user._id,
    );
    const cohortOfGroup = new Map(groups.map((group) => [group._id.toString(), group.cohortId?.toString() ?? null]));
    const cohortIds = new Set(
      held
        .filter((meeting) => attended.has(meeting._id.toString()))
        .flatMap((meeting) => cohortOfGroup.get(meeting.groupId.toString()) ?? []),
    );
    const cohorts = cohortIds.size
      ? await Cohort.find({ _id: anyOf([...cohortIds]) }, { name: 1, startsOn: 1 })
          .sort({ startsOn: -1 })
          .lean()
      : [];
    return { cohorts: cohorts.map((cohort) => ({ id: cohort._id.toString(), name: cohort.name })) };
  });

  route(router, endpoints.meetingDocuments.verifyCertificate, async ({ params, context }) => {
    await countAttempt("certificateLookup", context.ip ?? "unknown");
    const certificate = await Certificate.findOne({ code: params.code }).lean();
    if (!certificate) throw notFound("Nie ma zaświadczenia o takim kodzie. Sprawdź, czy kod przepisano bez błędu.");
    return {
      certificate: {
        code: certificate.code,
        name: certificate.name,
        programme: certificate.programme,
        subject: certificate.subject,
        days: certificate.days,
        issuedAt: certificate.issuedAt.toISOString(),
      },
    };
  });

  route(router, endpoints.meetingDocuments.cohortReport, async ({ actor, params }) => {
    authorize(actor, "manage", "Programme", null);
    return { report: await cohortReport(await cohortFor(params.id)) };
  });

  route(router, endpoints.meetingDocuments.cohortReportXlsx, async ({ actor, params }, _req, res) => {
    authorize(actor, "manage", "Programme", null);
    const report = await cohortReport(await cohortFor(params.id));
    return sent(
      res
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .attachment(cohortReportFileName(report, "xlsx"))
        .send(await cohortReportXlsx(report)),
    );
  });

  route(router, endpoints.meetingDocuments.cohortReportCsv, async ({ actor, params }, _req, res) => {
    authorize(actor, "manage", "Programme", null);
    const report = await cohortReport(await cohortFor(params.id));
    return sent(
      res.type("text/csv; charset=utf-8").attachment(cohortReportFileName(report, "csv")).send(cohortReportCsv(report)),
    );
  });

  return router;
}
