"""factory_boy factories for every model. Use them instead of hand-built rows."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from mshub.accounts.models import User
from mshub.core.models import Forum, Membership, Role
from mshub.people.models import Affiliation, Organization, Person, StakeholderGroup

PASSWORD = "correct horse battery"  # every factory-made account's password


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)


class ForumFactory(DjangoModelFactory):
    class Meta:
        model = Forum

    slug = factory.Sequence(lambda n: f"forum-{n}")
    name_ja = factory.Sequence(lambda n: f"フォーラム{n}")
    name_en = factory.Sequence(lambda n: f"Forum {n}")
    timezone = "Asia/Tokyo"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    forum = factory.SubFactory(ForumFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER


def group(forum: Forum, code: str = "technical-community") -> StakeholderGroup:
    """One of the forum's seeded stakeholder groups, by code."""
    return StakeholderGroup.objects.get(forum=forum, code=code)


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization

    forum = factory.SubFactory(ForumFactory)
    name_ja = factory.Sequence(lambda n: f"組織{n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    stakeholder_group = factory.LazyAttribute(lambda o: group(o.forum))


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    forum = factory.SubFactory(ForumFactory)
    family_name_ja = factory.Sequence(lambda n: f"山田{n}")
    given_name_ja = "花子"
    family_name_latin = factory.Sequence(lambda n: f"Yamada{n}")
    given_name_latin = "Hanako"
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class AffiliationFactory(DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organization = factory.LazyAttribute(lambda a: OrganizationFactory(forum=a.person.forum))
    start = dt.date(2015, 4, 1)
    end = None
