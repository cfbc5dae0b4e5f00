"""The easy-read version of the demo primary school's SEN Information Report: every section,
one short sentence a line, each with its picture (senreport/easy_read.py ICONS)."""

from senreport.models import EasyReadLine

# {section field: ((picture, sentence), ...)}, in reading order.
PRIMARY = {
    "kinds_of_need": (
        ("school", "Hollins Brook is a primary school for all children."),
        ("people", "We welcome children who need extra help to learn."),
        ("talk", "Some children find talking or listening hard."),
        ("learn", "Some children find reading, writing or maths hard."),
        ("feelings", "Some children feel worried, sad or angry a lot."),
        ("people", "Some children cannot hear or see well."),
        ("calendar", "Some children need help for a short time."),
        ("help", "Other children need help all through school."),
    ),
    "identification": (
        ("check", "Teachers look at how every child is doing each term."),
        ("talk", "If your child finds things hard, the teacher will talk to you."),
        ("talk", "You can tell the teacher if you are worried about your child."),
        ("people", "We may ask an expert to help us find out what your child needs."),
        ("check", "We always agree what happens next with you."),
    ),
    "evaluating_effectiveness": (
        ("check", "We check that the help is working."),
        ("talk", "We ask children and parents what helps."),
        ("people", "Our SENCO tells the governors how children are doing."),
        ("help", "If the help is not working, we change it."),
    ),
    "assessing_progress": (
        ("check", "First we find out what your child finds easy and hard."),
        ("calendar", "Then we make a plan with you and your child."),
        ("help", "Staff use the plan to help your child every day."),
        ("calendar", "Each term we meet you to talk about how it went."),
        ("talk", "Your child can tell us what they think, in words or pictures."),
    ),
    "teaching_approach": (
        ("learn", "Teachers make lessons good for every child."),
        ("learn", "They break work into small steps."),
        ("information", "They use pictures and things to touch."),
        ("calendar", "Children get more time when they need it."),
        ("people", "Some children work in small groups with a helper."),
    ),
    "adaptations": (
        ("school", "We change the classroom so every child can join in."),
        ("calendar", "Picture timetables show what happens next."),
        ("learn", "Some children use bigger print or coloured sheets."),
        ("feelings", "Children can take a break in a calm corner."),
        ("equipment", "Some children type on a laptop instead of writing."),
    ),
    "additional_support": (
        ("people", "Some children get extra help in small groups."),
        ("learn", "Groups help with reading, spelling and maths."),
        ("talk", "Some groups help children talk and make friends."),
        ("feelings", "There is a quiet group at lunch time."),
        ("help", "Some children have an adult just for them, if their plan says so."),
    ),
    "activities": (
        ("play", "Every child can go to clubs and on trips."),
        ("check", "We visit places first to check they are right for your child."),
        ("people", "Extra adults can come along to help."),
        ("help", "You do not pay extra for this help."),
    ),
    "wellbeing": (
        ("feelings", "Each class has an adult your child can talk to."),
        ("people", "There are small groups for children who feel worried or sad."),
        ("talk", "Children tell us what they think through the school council."),
        ("complain", "We stop bullying fast."),
        ("talk", "Children and parents can tell any adult in school about bullying."),
    ),
    "senco": (
        ("people", "The SENCO makes sure children get the help they need."),
        ("phone", "You can phone or e-mail the SENCO."),
    ),
    "expertise": (
        ("learn", "All our staff learn how to help children with SEND."),
        ("people", "Experts from the council and the NHS help us too."),
    ),
    "equipment": (
        ("equipment", "We buy things that help children learn."),
        ("equipment", "For example, soft cushions, sloped desks and ear muffs."),
        ("help", "We ask the council or the NHS for special things."),
    ),
    "parents": (
        ("people", "You know your child best, so we work with you."),
        ("calendar", "We meet you three times a year to talk about your child."),
        ("talk", "You can ask to meet the SENCO at any time."),
        ("email", "After each meeting we give you a short plan in writing."),
    ),
    "pupils": (
        ("talk", "Children help to choose their own targets."),
        ("learn", "Before each meeting your child fills in a sheet about what helps."),
        ("people", "Older children can come to part of the meeting."),
    ),
    "complaints": (
        ("talk", "If you are not happy, talk to the class teacher first."),
        ("people", "Then you can talk to the SENCO or the head teacher."),
        ("complain", "You can still make a complaint if you are not happy."),
        ("help", "SENDIASS can give you free help and advice."),
    ),
    "other_bodies": (
        ("people", "We work with nurses, doctors and other experts."),
        ("help", "We also work with the council and local groups."),
        ("check", "We always ask you before we share anything about your child."),
    ),
    "support_services": (
        ("help", "SENDIASS gives parents free help and advice."),
        ("talk", "They can help you get ready for meetings."),
        ("phone", "How to contact them is shown below."),
    ),
    "transition": (
        ("move_school", "Moving to a new class or school can be hard."),
        ("school", "Your child can visit the new class or school first."),
        ("learn", "We make a photo book of the new rooms and adults."),
        ("email", "We tell the new teachers what helps your child."),
        ("calendar", "In Year 5 we start to talk about secondary school."),
    ),
    "local_offer": (
        ("information", "The council has a website about help for children with SEND."),
        ("information", "It is called the Local Offer."),
    ),
    "looked_after": (
        ("people", "Some children live with a foster family or in care."),
        ("help", "Two staff work together to plan help for these children."),
    ),
    "contacts_policy": (
        ("talk", "If you are worried, talk to the class teacher first."),
        ("phone", "The school office can put you in touch with the SENCO."),
        ("information", "This report is also our SEN policy."),
    ),
}

EASY_READ = {"primary": PRIMARY}


def easy_read_lines(school):
    """The school's easy-read lines, unsaved, for its report (none for a school whose
    report has no easy-read version yet)."""
    return [
        EasyReadLine(section=section, icon=icon, text=school.adapt(text))
        for section, lines in EASY_READ.get(school.kind, {}).items()
        for icon, text in lines
    ]
