/* data-strings.c: the translatable texts of data/codes and data/risk.
 *
 * Written by build-aux/lin-data-strings (build-aux/dev po); do not edit.
 * xgettext reads it, nothing compiles it.
 */

/* Translators: data/codes/accessibility.json, code "step-free" */
C_("accessibility", "Step-free access");
/* Translators: data/codes/accessibility.json, code "sign-language" */
C_("accessibility", "Sign-language interpretation");
/* Translators: data/codes/accessibility.json, code "easy-read" */
C_("accessibility", "Easy-read material");
/* Translators: data/codes/accessibility.json, code "accessible-shelter" */
C_("accessibility", "Accessible shelter places");

/* Translators: data/codes/age-group.json, code "under-18" */
C_("age-group", "Under 18");
/* Translators: data/codes/age-group.json, code "18-25" */
C_("age-group", "18–25");
/* Translators: data/codes/age-group.json, code "26-35" */
C_("age-group", "26–35");
/* Translators: data/codes/age-group.json, code "36-45" */
C_("age-group", "36–45");
/* Translators: data/codes/age-group.json, code "46-55" */
C_("age-group", "46–55");
/* Translators: data/codes/age-group.json, code "56-65" */
C_("age-group", "56–65");
/* Translators: data/codes/age-group.json, code "over-65" */
C_("age-group", "Over 65");
/* Translators: data/codes/age-group.json, code "unknown" */
C_("age-group", "Unknown");

/* Translators: data/codes/answer.json, code "yes" */
C_("answer", "Yes");
/* Translators: data/codes/answer.json, code "no" */
C_("answer", "No");
/* Translators: data/codes/answer.json, code "unknown" */
C_("answer", "Doesn't know");

/* Translators: data/codes/call-type.json, code "self" */
C_("call-type", "About herself");
/* Translators: data/codes/call-type.json, code "on-behalf" */
C_("call-type", "On behalf of someone");
/* Translators: data/codes/call-type.json, code "information" */
C_("call-type", "Information only");
/* Translators: data/codes/call-type.json, code "follow-up" */
C_("call-type", "Follow-up call");
/* Translators: data/codes/call-type.json, code "silent" */
C_("call-type", "Silent call");
/* Translators: data/codes/call-type.json, code "hung-up" */
C_("call-type", "Hung up");
/* Translators: data/codes/call-type.json, code "abusive" */
C_("call-type", "Abusive or sexual caller");
/* Translators: data/codes/call-type.json, code "test" */
C_("call-type", "Test or prank");

/* Translators: data/codes/channel.json, code "phone" */
C_("channel", "Phone call");
/* Translators: data/codes/channel.json, code "viber-call" */
C_("channel", "Viber call");
/* Translators: data/codes/channel.json, code "message" */
C_("channel", "Viber or SMS message");
/* Translators: data/codes/channel.json, code "email" */
C_("channel", "Email");
/* Translators: data/codes/channel.json, code "messenger" */
C_("channel", "Messenger");
/* Translators: data/codes/channel.json, code "in-person" */
C_("channel", "In person");

/* Translators: data/codes/contact-method.json, code "phone-call" */
C_("contact-method", "Phone call");
/* Translators: data/codes/contact-method.json, code "sms" */
C_("contact-method", "SMS");
/* Translators: data/codes/contact-method.json, code "viber" */
C_("contact-method", "Viber");
/* Translators: data/codes/contact-method.json, code "email" */
C_("contact-method", "Email");
/* Translators: data/codes/contact-method.json, code "in-person" */
C_("contact-method", "In person");
/* Translators: data/codes/contact-method.json, code "she-calls" */
C_("contact-method", "She calls us");

/* Translators: data/codes/contact.json, code "first" */
C_("contact", "First contact");
/* Translators: data/codes/contact.json, code "repeat" */
C_("contact", "Has called before");
/* Translators: data/codes/contact.json, code "unknown" */
C_("contact", "Unknown");

/* Translators: data/codes/disability.json, code "physical" */
C_("disability", "Physical");
/* Translators: data/codes/disability.json, code "hearing" */
C_("disability", "Hearing");
/* Translators: data/codes/disability.json, code "visual" */
C_("disability", "Visual");
/* Translators: data/codes/disability.json, code "intellectual" */
C_("disability", "Intellectual");
/* Translators: data/codes/disability.json, code "psychosocial" */
C_("disability", "Psychosocial");
/* Translators: data/codes/disability.json, code "multiple" */
C_("disability", "Multiple disabilities");

/* Translators: data/codes/follow-up-outcome.json, code "reached" */
C_("follow-up-outcome", "Reached");
/* Translators: data/codes/follow-up-outcome.json, code "not-reached" */
C_("follow-up-outcome", "Not reached");
/* Translators: data/codes/follow-up-outcome.json, code "rescheduled" */
C_("follow-up-outcome", "Rescheduled");
/* Translators: data/codes/follow-up-outcome.json, code "closed" */
C_("follow-up-outcome", "Closed");

/* Translators: data/codes/language.json, code "sr" */
C_("language", "Serbian");
/* Translators: data/codes/language.json, code "rom" */
C_("language", "Romani");
/* Translators: data/codes/language.json, code "hu" */
C_("language", "Hungarian");
/* Translators: data/codes/language.json, code "sq" */
C_("language", "Albanian");
/* Translators: data/codes/language.json, code "sign" */
C_("language", "Sign language via video");
/* Translators: data/codes/language.json, code "other" */
C_("language", "Other language");

/* Translators: data/codes/last-incident.json, code "today" */
C_("last-incident", "Today");
/* Translators: data/codes/last-incident.json, code "this-week" */
C_("last-incident", "This week");
/* Translators: data/codes/last-incident.json, code "this-month" */
C_("last-incident", "This month");
/* Translators: data/codes/last-incident.json, code "earlier" */
C_("last-incident", "Earlier");
/* Translators: data/codes/last-incident.json, code "unknown" */
C_("last-incident", "Unknown");

/* Translators: data/codes/perpetrator.json, code "partner" */
C_("perpetrator", "Partner");
/* Translators: data/codes/perpetrator.json, code "former-partner" */
C_("perpetrator", "Former partner");
/* Translators: data/codes/perpetrator.json, code "father" */
C_("perpetrator", "Father");
/* Translators: data/codes/perpetrator.json, code "mother" */
C_("perpetrator", "Mother");
/* Translators: data/codes/perpetrator.json, code "son" */
C_("perpetrator", "Son");
/* Translators: data/codes/perpetrator.json, code "other-family" */
C_("perpetrator", "Other family member");
/* Translators: data/codes/perpetrator.json, code "acquaintance" */
C_("perpetrator", "Acquaintance");
/* Translators: data/codes/perpetrator.json, code "colleague-employer" */
C_("perpetrator", "Colleague or employer");
/* Translators: data/codes/perpetrator.json, code "stranger" */
C_("perpetrator", "Stranger");
/* Translators: data/codes/perpetrator.json, code "professional" */
C_("perpetrator", "Professional or institution");
/* Translators: data/codes/perpetrator.json, code "unknown" */
C_("perpetrator", "Unknown");

/* Translators: data/codes/protection-measure.json, code "urgent-measures" */
C_("protection-measure", "Urgent police measures");
/* Translators: data/codes/protection-measure.json, code "court-order" */
C_("protection-measure", "Court protection order");
/* Translators: data/codes/protection-measure.json, code "criminal-measure" */
C_("protection-measure", "Restraining measure in criminal proceedings");
/* Translators: data/codes/protection-measure.json, code "none" */
C_("protection-measure", "None");
/* Translators: data/codes/protection-measure.json, code "unknown" */
C_("protection-measure", "Unknown");

/* Translators: data/codes/referral-status.json, code "referred" */
C_("referral-status", "Referred");
/* Translators: data/codes/referral-status.json, code "declined" */
C_("referral-status", "Declined by caller");
/* Translators: data/codes/referral-status.json, code "unavailable" */
C_("referral-status", "Service unavailable");
/* Translators: data/codes/referral-status.json, code "already-in-contact" */
C_("referral-status", "Already in contact");

/* Translators: data/codes/reported-to.json, code "police" */
C_("reported-to", "Police");
/* Translators: data/codes/reported-to.json, code "csw" */
C_("reported-to", "Social welfare centre");
/* Translators: data/codes/reported-to.json, code "health" */
C_("reported-to", "Health service");
/* Translators: data/codes/reported-to.json, code "court" */
C_("reported-to", "Court");
/* Translators: data/codes/reported-to.json, code "none" */
C_("reported-to", "Nowhere");
/* Translators: data/codes/reported-to.json, code "unknown" */
C_("reported-to", "Unknown");

/* Translators: data/codes/service-given.json, code "emotional-support" */
C_("service-given", "Emotional support");
/* Translators: data/codes/service-given.json, code "rights-information" */
C_("service-given", "Information on rights");
/* Translators: data/codes/service-given.json, code "safety-planning" */
C_("service-given", "Safety planning");
/* Translators: data/codes/service-given.json, code "legal-information" */
C_("service-given", "Legal information");
/* Translators: data/codes/service-given.json, code "crisis-intervention" */
C_("service-given", "Crisis intervention");
/* Translators: data/codes/service-given.json, code "service-information" */
C_("service-given", "Information on services");
/* Translators: data/codes/service-given.json, code "other" */
C_("service-given", "Other");

/* Translators: data/codes/service-type.json, code "csw" */
C_("service-type", "Social welfare centre");
/* Translators: data/codes/service-type.json, code "police" */
C_("service-type", "Police");
/* Translators: data/codes/service-type.json, code "health" */
C_("service-type", "Health service");
/* Translators: data/codes/service-type.json, code "prosecution" */
C_("service-type", "Public prosecutor");
/* Translators: data/codes/service-type.json, code "court" */
C_("service-type", "Court");
/* Translators: data/codes/service-type.json, code "shelter" */
C_("service-type", "Shelter");
/* Translators: data/codes/service-type.json, code "legal-aid" */
C_("service-type", "Free legal aid");
/* Translators: data/codes/service-type.json, code "sos-line" */
C_("service-type", "Other SOS line");
/* Translators: data/codes/service-type.json, code "ngo" */
C_("service-type", "Women's organisation");
/* Translators: data/codes/service-type.json, code "other" */
C_("service-type", "Other");

/* Translators: data/codes/skill.json, code "rom" */
C_("skill", "Romani");
/* Translators: data/codes/skill.json, code "hu" */
C_("skill", "Hungarian");
/* Translators: data/codes/skill.json, code "sq" */
C_("skill", "Albanian");
/* Translators: data/codes/skill.json, code "sign" */
C_("skill", "Sign language");
/* Translators: data/codes/skill.json, code "disability" */
C_("skill", "Disability support");
/* Translators: data/codes/skill.json, code "supervision" */
C_("skill", "Supervision");

/* Translators: data/codes/violence-duration.json, code "once" */
C_("violence-duration", "Once");
/* Translators: data/codes/violence-duration.json, code "under-month" */
C_("violence-duration", "Less than a month");
/* Translators: data/codes/violence-duration.json, code "months" */
C_("violence-duration", "Several months");
/* Translators: data/codes/violence-duration.json, code "1-5-years" */
C_("violence-duration", "One to five years");
/* Translators: data/codes/violence-duration.json, code "over-5-years" */
C_("violence-duration", "More than five years");
/* Translators: data/codes/violence-duration.json, code "unknown" */
C_("violence-duration", "Unknown");

/* Translators: data/codes/violence-form.json, code "psychological" */
C_("violence-form", "Psychological");
/* Translators: data/codes/violence-form.json, code "physical" */
C_("violence-form", "Physical");
/* Translators: data/codes/violence-form.json, code "sexual" */
C_("violence-form", "Sexual");
/* Translators: data/codes/violence-form.json, code "economic" */
C_("violence-form", "Economic");
/* Translators: data/codes/violence-form.json, code "stalking" */
C_("violence-form", "Stalking");
/* Translators: data/codes/violence-form.json, code "sexual-harassment" */
C_("violence-form", "Sexual harassment");
/* Translators: data/codes/violence-form.json, code "forced-marriage" */
C_("violence-form", "Forced marriage");
/* Translators: data/codes/violence-form.json, code "digital" */
C_("violence-form", "Digital or online");
/* Translators: data/codes/violence-form.json, code "threats-control" */
C_("violence-form", "Threats and control");
/* Translators: data/codes/violence-form.json, code "other" */
C_("violence-form", "Other");

/* Translators: data/risk/linija.json, the title of a risk checklist */
C_("risk", "Linija risk checklist");
/* Translators: data/risk/linija.json, item "threat-to-kill": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has he threatened to kill you?");
/* Translators: data/risk/linija.json, item "strangulation": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has he ever choked or strangled you, or tried to?");
/* Translators: data/risk/linija.json, item "weapon-threat": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has he threatened you with a knife, a gun or another weapon?");
/* Translators: data/risk/linija.json, item "weapon-access": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Does he have a gun or another weapon, or can he easily get one?");
/* Translators: data/risk/linija.json, item "fear-for-life": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Do you think he could kill you or seriously hurt you?");
/* Translators: data/risk/linija.json, item "escalation": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has the violence become more frequent or worse lately?");
/* Translators: data/risk/linija.json, item "separation": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Have you left him recently, or are you planning to leave?");
/* Translators: data/risk/linija.json, item "pregnancy": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Are you pregnant, or has he hurt you while you were pregnant?");
/* Translators: data/risk/linija.json, item "stalking": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Does he follow you, watch you or keep contacting you against your will?");
/* Translators: data/risk/linija.json, item "threat-to-children": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has he threatened to hurt the children?");
/* Translators: data/risk/linija.json, item "order-violation": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has he broken a protection order or an urgent police measure?");
/* Translators: data/risk/linija.json, item "suicide-threat": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has he threatened or tried to kill himself?");
/* Translators: data/risk/linija.json, item "jealousy-control": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Is he very jealous, or does he control where you go and whom you see?");
/* Translators: data/risk/linija.json, item "forced-sex": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has he forced you into sex or sexual acts you did not want?");
/* Translators: data/risk/linija.json, item "substance-abuse": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Does he often get drunk or take drugs?");
/* Translators: data/risk/linija.json, item "unemployment": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Is he out of work?");
/* Translators: data/risk/linija.json, item "violence-to-others": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has he been violent to other people too?");
/* Translators: data/risk/linija.json, item "isolation": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Does he keep you away from your family, friends or help?");
/* Translators: data/risk/linija.json, item "pet-abuse": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Has he hurt or threatened to hurt an animal you keep?");
/* Translators: data/risk/linija.json, item "child-not-his": a question the counsellor reads aloud; "you" is the caller, "he" the one who is violent */
C_("risk", "Does a child of yours who is not his live with you?");
