"""Write the sample reports in seeds/ from the text kept in this file.

Every seed's words live here, so the binary formats (PDF, DOCX, cp1251, UTF-16) are rebuilt
from the project's own text instead of being opaque blobs nobody can edit. Edit a seed here,
never in seeds/ (the next run overwrites it). Output is byte-for-byte reproducible, so
`--check` can tell CI whether seeds/ is stale.

    python scripts/make_seeds.py            # rewrite seeds/
    python scripts/make_seeds.py --check    # exit 1 if a seed differs from this file

The PDF needs reportlab (a dev-time tool only: `pip install reportlab`), the DOCX python-docx.
All people, agencies, companies and figures below are invented.
"""

from __future__ import annotations

import argparse
import codecs
import html
import io
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from string import Template
from textwrap import dedent

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
FIXED_TIME = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)  # keeps PDF/DOCX metadata reproducible


@dataclass(frozen=True)
class Seed:
    """One sample report. The body is paragraphs separated by blank lines; wrapped lines
    inside a paragraph are joined. "## " starts a heading, "- " a bullet item."""

    name: str
    title: str
    body: str
    encoding: str = "utf-8"
    author: str = ""


@dataclass(frozen=True)
class Block:
    kind: str  # "p" paragraph, "h" heading, "li" bullet item
    text: str


SEEDS: tuple[Seed, ...] = (
    Seed(
        name="01_regional_water_conference.txt",
        title="Central Asian ministers pledge $2.4 billion for shared water projects",
        body="""
        ALMATY, March 3 (Steppe News Agency) — Water ministers from five Central Asian states
        pledged a combined $2.4 billion on Monday for canals, reservoirs and metering stations,
        closing a two-day regional conference attended by more than 600 delegates.

        Figures presented by the conference secretariat show that the region loses between 30
        and 40 percent of its irrigation water before it reaches the fields.

        “Every drop we lose in a leaking canal is a drop our farmers will not see in August,”
        said Aigerim Tulegenova, Minister of Water Resources and Irrigation of Kazakhstan.

        Tulegenova said Kazakhstan would spend 180 billion tenge, or about $390 million, on
        lining nearly 1,500 kilometres of canals over the next three years.

        Sherali Nabiev, Tajikistan’s first deputy minister of energy and water resources, told
        delegates that glaciers in the Pamir mountains had lost almost a quarter of their volume
        in half a century.

        “The rivers are still full, and that makes people complacent,” he said. “By the 2040s
        our summer flows could fall by 10 to 15 percent, and no amount of concrete will bring
        that water back.”

        Nabiev called for a so-called “water passport” for each shared river basin, a public
        register of flows, withdrawals and reservoir levels updated every 24 hours.

        “We cannot manage what we refuse to measure, and we cannot share what we do not
        trust,” he added.

        Under the plan, the Eurasian Water Fund will provide €150 million in concessional
        loans, repayable over 25 years, while the five governments will cover the rest from
        their own budgets.

        Uzbekistan said it would install over 2,000 automated gauges on its main canals by the
        end of 2026, up from about 300 today.

        A banner above the stage carried the conference slogan, “Water knows no borders.”

        The next conference will be held in Dushanbe in nine months, when ministers are
        expected to report on the first stage of the programme.
        """,
    ),
    Seed(
        name="02_rail_green_corridor.txt",
        title="Tajikistan to open “green corridor” for rail freight at northern border",
        body="""
        DUSHANBE, March 4 (Pamir Wire) — Tajikistan will open a so-called “green corridor” for
        rail freight at two northern border crossings in April, cutting waiting times for
        container trains from nearly five days to under 24 hours, the Ministry of Transport
        said on Tuesday.

        The scheme lets pre-cleared cargo pass customs and plant health checks at the point of
        loading rather than at the border, where trains now queue for between 60 and 110 hours.

        "We used to lose more money standing at the border than moving on the rails," said
        Farrukh Sharipov, Minister of Transport of Tajikistan.

        The government has set aside 420 million somoni, or about $38.5 million, to build two
        inspection yards and a shared electronic platform with the customs services of
        Uzbekistan and Kazakhstan.

        Rail freight through the northern crossings rose 12.5 percent last year to 2.1 million
        tonnes, and officials expect the new rules to add another 300,000 tonnes within two
        years.

        Exporters of dried fruit and vegetables, who shipped more than 18,000 tonnes abroad in
        the first nine months of 2024, are expected to benefit most.

        "For a fruit exporter, a week at the border can mean losing the whole consignment,"
        said Malika Yusupova, who heads the Sughd Exporters Association.

        She said spoilage on delayed trains cost her members an estimated 25 million somoni a
        year.

        "Two thousand wagons are stuck somewhere in the region on any given day," she added.

        Sharipov said the platform would be tested with a pilot group of about 40 companies
        for six months before it opens to all shippers.

        "If the pilot works, the corridor will be extended to the southern crossings by the
        end of next year," the minister told reporters.

        A regional logistics study published last year estimated that border delays add
        between 8 and 12 percent to the cost of goods traded in Central Asia.
        """,
    ),
    Seed(
        name="03_finance_ministry_statement.txt",
        title="Statement of the Ministry of Finance on the execution of the 2024 state budget",
        body="""
        The Ministry of Finance of the Republic of Tajikistan reports that the state budget for
        2024 was executed at 104.2 percent of the approved revenue plan.

        Total revenues reached 38.6 billion somoni, which is 4.9 billion somoni, or 14.5
        percent, more than in the previous year.

        Tax revenues accounted for about 83 percent of the total, while grants from development
        partners fell to under 1.1 billion somoni.

        Expenditures amounted to 39.9 billion somoni, and the budget deficit was held at 1.8
        percent of gross domestic product, below the ceiling of 2.5 percent set by parliament.

        Spending on education, health care and social protection together exceeded 15 billion
        somoni, or nearly 40 percent of all expenditures.

        Public debt declined to between 28 and 30 percent of GDP, depending on the exchange
        rate used, compared with more than 35 percent three years earlier.

        "The budget was executed in full for the first time in a decade, and not a single
        salary or pension was paid late," Minister of Finance Jamshed Kholov said at a briefing
        in Dushanbe.

        "We have also cut arrears to suppliers by over 60 percent, which matters a great deal
        for small businesses," he added.

        The ministry said revenues were on track in the first two months of 2025, with
        collections of 6.7 billion somoni against a target of 6.5 billion.

        The government plans to issue a Eurobond of up to $500 million in the second half of
        the year, subject to market conditions.

        Kholov said the proceeds would refinance older loans from bilateral creditors and would
        not be used for current spending.

        The full report on budget execution, running to 412 pages, has been submitted to the
        lower house of parliament, which is expected to approve it within two months.
        """,
    ),
    Seed(
        name="04_quarterly_economic_bulletin.md",
        title="Kazakhstan Economic Bulletin: fourth quarter 2024",
        body="""
        *Prepared by the Steppe Analytics research desk. Figures are preliminary.*

        ## Overview

        Kazakhstan's economy grew by 4.8 percent in 2024, slightly above the 4.5 percent
        forecast in the autumn, as oil output recovered and construction expanded for a
        third consecutive year.

        Annual inflation slowed to 8.6 percent in December from nearly 10 percent in the
        summer, but food prices still rose by more than 9 percent.

        ## Key numbers

        - **GDP:** about 135 trillion tenge, or roughly $270 billion at the average rate.
        - **Oil production:** 87.7 million tonnes, up 2.1 percent.
        - **Foreign direct investment:** over $15 billion, the highest in six years.
        - **Unemployment:** 4.7 percent, unchanged from a year earlier.

        ## Monetary policy

        The National Bank kept its base rate at 15.25 percent at its last meeting of the year
        and signalled that cuts were unlikely before the second quarter.

        “We see inflation returning to the target range of 5 to 7 percent only in 2026,” said
        Dana Seitkali, chief economist at Steppe Analytics. “Until then, the room for cheaper
        credit is small, and households will feel it.”

        The tenge weakened by about 11 percent against the dollar over the year, ending
        December at 525 per dollar, and lost nearly 7 percent against the ruble.

        ## Outlook

        Our baseline forecast puts growth for 2025 between 4 and 5 percent, with risks tilted
        to the downside if oil prices fall below $70 a barrel.

        The government's plan to spend 2.5 trillion tenge from the National Fund on
        infrastructure could add half a percentage point to growth, Seitkali said.

        “Nobody should expect a boom; this is a steady, expensive recovery,” a note to clients
        from one Almaty brokerage said.

        The full dataset is on the
        [Steppe Analytics website](https://example.org/bulletins/2024-q4).
        """,
    ),
    Seed(
        name="05_mine_flooding_incident.txt",
        title="Incident report: flooding at the Kuhi Safed lead-zinc mine, Sughd region",
        body="""
        Committee of Emergency Situations, operational summary No. 3, issued at 14:30 local
        time on March 5.

        At about 06:40 on March 5, groundwater broke into the lower galleries of the Kuhi Safed
        lead-zinc mine while a shift of 37 miners was working at a depth of some 420 metres.

        Thirty-one miners reached the surface on their own or with help from rescue teams
        within the first three hours.

        Six miners remain trapped in a ventilation chamber on the lowest level, where rescuers
        believe an air pocket has formed.

        Contact was made with the group by knocking on a pipe shortly after 11:00, and all six
        are believed to be alive.

        More than 200 rescuers, including two specialist teams flown in from Dushanbe, are
        working at the site in shifts.

        Pumps are removing about 350 cubic metres of water per hour, but the water level has
        fallen by less than 2 metres since the morning.

        “We could hear them tapping back, three knocks, then three more,” said a rescuer who
        asked not to be named.

        Bakhtiyor Rahimzoda, head of the committee’s Sughd department, said a second borehole
        was being drilled to deliver air, water and food to the trapped men.

        “The borehole is the fastest way to reach them,” he said. “If the rock holds, we expect
        to break through in 12 to 16 hours.”

        “We are not stopping the pumps for a single minute,” he added.

        The mine’s operator said it had evacuated nearly 500 workers from the other shafts as a
        precaution and suspended production for at least nine days.

        Relatives of the miners have gathered at the mine gate, where the local administration
        has set up tents and a field kitchen serving about 150 meals a day.

        A government commission has been formed to investigate the cause of the accident, and
        its preliminary findings are due within one month.

        The next operational summary will be issued at 20:00.
        """,
    ),
    Seed(
        name="06_flood_humanitarian_update.html",
        title="Floods in Khatlon: 12,000 people need aid as rivers stay high",
        author="Relief Desk staff",
        body="""
        KULOB, April 18 (Relief Desk) — More than 12,000 people in four districts of Khatlon
        region need emergency assistance after a week of heavy rain sent rivers over their
        banks, the Regional Relief Coalition said on Friday.

        Floodwater damaged or destroyed about 2,300 homes, washed away 14 bridges and cut
        drinking water supplies to nearly 40 villages.

        Nine people have died and three are still missing, according to local authorities.

        The coalition has appealed for $4.5 million to cover three months of shelter, clean
        water and cash assistance, but the appeal is only 38 percent funded.

        “Families have lost their homes, their livestock and their seed for the spring
        planting, all in the same week,” said Zarina Mirzoeva, the coalition’s country
        coordinator.

        “If we cannot get seed to them in the next two weeks, the hunger will come in the
        autumn, not now,” she added.

        Aid agencies have distributed 1,800 hygiene kits, 950 tents and more than 40 tonnes of
        food, and mobile teams are treating between 200 and 250 patients a day for diarrhoea
        and skin infections.

        Each displaced family receives a one-off cash grant of 1,500 somoni, about $140,
        through local post offices.

        "The water is going down, but the mud stays, and the mud is where the disease is," one
        doctor at a field clinic in Vose district said.

        Engineers estimate that repairing roads and bridges will cost between €6 million and
        €8 million, and that some mountain villages may stay cut off for over a month.

        Forecasters expect more rain over the weekend, with up to 60 millimetres possible in
        the foothills.

        Some two thousand families have moved in with relatives, and the coalition says about
        600 people are still sleeping in schools and other public buildings.
        """,
    ),
    Seed(
        name="07_ministry_statement_ru.txt",
        title=(
            "Заявление Министерства труда, миграции и занятости населения "
            "о подготовке трудовых мигрантов"
        ),
        body="""
        Министерство труда, миграции и занятости населения Республики Таджикистан сообщает, что
        в 2024 году более 4 тыс. человек прошли бесплатные курсы профессиональной и языковой
        подготовки перед выездом на работу за рубеж.

        Это на 12,5% больше, чем годом ранее, а число учебных центров выросло с 14 до 19.

        Обучение одного слушателя обходится государству примерно в 1,2 тыс. сомони, тогда как
        частные курсы берут за аналогичную программу около 300 сомони в месяц.

        «Мигрант, который знает язык и имеет сертификат, зарабатывает в среднем на 30–40%
        больше и гораздо реже становится жертвой мошенников», — сказал министр труда, миграции
        и занятости населения Сухроб Каримов.

        По данным министерства, средняя заработная плата выпускников курсов в России составила
        около 85 тыс. рублей в месяц.

        Представительство министерства в Российской Федерации направило 5 млн рублей на работу
        горячей линии, куда за год поступило почти 9,5 тыс. обращений.

        «Большинство обращений касается невыплаты зарплаты и проблем с документами», — заявил
        он.

        По словам руководителя отдела внешней миграции Азизы Рахимовой, «в ближайшие три года
        программа охватит все районы страны, включая отдалённые горные сёла».

        В 2025 году на программу планируется направить свыше 18 млн сомони, из них около трети
        — за счёт средств международных партнёров.

        Курсы продолжительностью от двух до трёх месяцев проводятся по 12 специальностям, в том
        числе для сварщиков, электриков и водителей грузовиков.

        Министерство напоминает, что записаться на обучение можно в любом центре занятости
        населения или по телефону горячей линии.
        """,
    ),
    Seed(
        name="08_small_business_loans_ru.txt",
        title="Казахстан направит 600 млрд тенге на льготные кредиты малому бизнесу",
        body="""
        АСТАНА, 5 марта (Агентство «Степь») — Правительство Казахстана в 2025 году направит
        600 млрд тенге на льготное кредитование малого и среднего бизнеса, сообщили в
        Министерстве национальной экономики.

        Ставка по таким кредитам составит от 6 до 7% годовых, тогда как средняя рыночная ставка
        для предпринимателей превышает 20%.

        «Мы хотим, чтобы деньги дошли до тех, кто производит, а не до тех, кто перепродаёт», —
        заявил вице-министр национальной экономики Ерлан Абдыкалыков.

        По его словам, не менее 70% средств получат производственные предприятия в регионах.

        В прошлом году по аналогичной программе кредиты получили почти 1,3 тыс. компаний,
        которые создали свыше 11 тыс. рабочих мест.

        «Каждый вложенный тенге вернулся в экономику примерно в 2,5 раза», — сказал он.

        Для экспортёров будет действовать так называемый «зелёный коридор»: заявки будут
        рассматривать за пять рабочих дней вместо привычных трёх недель.

        Максимальная сумма кредита вырастет с 1,5 млрд до 2 млрд тенге, а срок погашения — до
        семи лет.

        Председатель ассоциации предпринимателей «Деловой Юг» Гульнара Жумабаева назвала
        решение своевременным, но предупредила о рисках.

        «Если банки снова будут требовать залог в 150% от суммы кредита, до малого бизнеса
        дойдёт лишь малая часть этих денег», — сказала она.

        По оценкам аналитиков, доля малого и среднего бизнеса в ВВП страны составляет около
        36%, а к 2030 году правительство рассчитывает довести её до 40%.
        """,
    ),
    Seed(
        name="09_harvest_report_ru_cp1251.txt",
        title="В Согдийской области собрано более 520 тыс. тонн зерна",
        encoding="cp1251",
        body="""
        ХУДЖАНД, 12 июля — Аграрии Согдийской области собрали более 520 тыс. тонн зерновых, что
        на 8,3% больше, чем за тот же период прошлого года, сообщили в областном управлении
        сельского хозяйства.

        Средняя урожайность пшеницы составила 38 центнеров с гектара, а на орошаемых землях
        достигла почти 55 центнеров.

        Уборка завершена на площади свыше 96 тыс. гектаров, или примерно на 85% засеянных
        площадей.

        «Такого урожая в области не было шесть лет, и главное — мы сохранили воду для хлопка»,
        — заявил начальник управления Фаридун Сафаров.

        По его словам, закупочная цена на пшеницу на местных рынках держится на уровне
        3,2–3,5 сомони за килограмм.

        Государство выделило фермерам 45 млн сомони на покупку семян и удобрений, а ещё около
        120 новых комбайнов поступили в хозяйства по лизингу.

        «Комбайны окупаются за два сезона, если техника не простаивает», — сказал он.

        В то же время в трёх районах из-за града и жары потери урожая составили от 10 до 15%.

        «Град выбил пшеницу за двадцать минут», — рассказал корреспонденту фермер из
        Зафарабадского района, попросивший не называть его имени.

        Специалисты ожидают, что общий сбор зерна в области превысит 600 тыс. тонн, а излишки
        будут направлены в государственный резерв.

        Уборочная кампания продлится ещё около двух недель.
        """,
    ),
    Seed(
        name="10_electricity_exports_utf16.txt",
        title="Tajik electricity exports rise 18 percent on strong summer river flows",
        encoding="utf-16",
        body="""
        DUSHANBE, January 20 (Central Asia Business Wire) — Tajikistan exported 3.2 billion
        kilowatt-hours of electricity last year, up 18 percent from 2023, as high summer water
        levels in the Vakhsh and Panj rivers kept hydropower plants running near full capacity.

        Export earnings rose to about $150 million, with Uzbekistan taking nearly 60 percent of
        the volume and Afghanistan most of the rest.

        "Our rivers gave us a generous year, but we cannot plan a budget on the weather," said
        Parviz Olimov, who runs the export department of the state power company.

        Winter remains the weak season: between November and March the country still imports
        up to 1.5 billion kilowatt-hours and rations power in rural areas for as long as 10
        hours a day.

        Olimov said a new turbine at a large hydropower plant under construction would add over
        600 megawatts of capacity by the end of 2026.

        "Once that unit is running, the winter shortage should shrink by half," he said.

        The company owes foreign lenders more than 7 billion somoni and has raised household
        tariffs three times in five years.

        A new line to Afghanistan, financed with a $95 million loan, is due to start carrying
        power in the second quarter, lifting potential exports by roughly 1 billion
        kilowatt-hours a year.

        Analysts put the cost of winter power cuts to industry at between 1 and 2 percent of
        GDP.

        "Exports are good news, but the real test is whether the lights stay on in January,"
        one Dushanbe-based energy analyst said.

        The government expects export volumes to stay at around 3 billion kilowatt-hours this
        year if rainfall is close to normal.
        """,
    ),
    Seed(
        name="11_trade_fair_with_page_furniture.txt",
        title="Tashkent trade fair draws a record 1,400 exhibitors",
        body="""
        By . Associated Press . PUBLISHED: 10:05 EST, 3 March 2025 . | . UPDATED: 12:41 EST,
        3 March 2025

        Click here to subscribe to our free daily business newsletter

        Scroll down for video

        A record 1,400 companies from 32 countries have booked stands at this year’s Silk Road
        trade fair in Tashkent, organisers said on Monday, up from just over 900 two years ago.

        The four-day fair, which opens on March 18, is expected to draw about 60,000 visitors
        and deals worth more than $3 billion.

        Chinese and Turkish firms account for nearly half of all exhibitors, but organisers
        said interest from European companies had roughly doubled since last year.

        “Five years ago we were begging companies to come,” said Nodira Karimova, the fair’s
        managing director.

        “Now we are turning people away because the halls are full,” she said. “We have added
        a second pavilion of 12,000 square metres and it sold out in nine days.”

        Uzbekistan’s exports grew by 11.5 percent last year to about $26.9 billion, led by
        gold, textiles, fruit and vegetables.

        Hotel prices in the capital have risen by between 20 and 35 percent for the week of the
        fair, and some visitors said they were paying over €200 a night.

        "It's the busiest week of the year for us, and we still do not have enough rooms," a
        hotel manager near the exhibition centre told reporters.

        The organisers plan to move the fair to a new site on the outskirts of the city in
        three years, with room for up to 2,500 exhibitors and a budget of around $110 million.

        “Tashkent should be the place where east and west sign their contracts,” she added.

        Share this article

        Share or comment on this article: Tashkent trade fair draws a record 1,400 exhibitors

        Comments (12)

        Click here to subscribe

        Read more: Uzbekistan’s new airport terminal to open in 2026
        """,
    ),
    Seed(
        name="12_development_fund_briefing.pdf",
        title="Eurasian Development Fund approves €300 million for Kyrgyz rural roads",
        author="Eurasian Development Fund",
        body="""
        Briefing note, Bishkek, 14 February 2025

        The Board of the Eurasian Development Fund has approved a loan of €300 million to
        rebuild about 1,100 kilometres of rural roads in five regions of Kyrgyzstan.

        The loan carries an interest rate of 1.5 percent and a maturity of 30 years, including
        a grace period of eight years.

        The government will add the equivalent of $45 million from its own budget, bringing
        the total cost of the programme to nearly $370 million.

        ## Why it matters

        More than 40 percent of the rural population lives over 10 kilometres from the nearest
        paved road, and the trip to a district hospital can take more than two hours in winter.

        "A road is the difference between a child in school and a child at home," said Kanat
        Usenov, Minister of Transport and Communications of the Kyrgyz Republic.

        “We will start with the roads that stay closed for the longest part of the year,” he
        said. “Some villages in Naryn are cut off for four months every winter.”

        The Fund expects the programme to cut transport costs for farmers by between 15 and 25
        percent and to create some 6,000 seasonal jobs.

        ## Risks

        Construction prices rose by about 12 percent last year, and contractors have warned
        that fuel and bitumen costs remain volatile.

        The appraisal includes a contingency reserve of 10 percent, which the project team
        considers sufficient.

        The first tenders, worth roughly €40 million, will be announced in April, and the works
        are due to finish within five years.
        """,
    ),
    Seed(
        name="13_immunisation_review.docx",
        title="Mid-term review of the national immunisation programme",
        author="Ministry of Health review team",
        body="""
        ## Summary

        The mid-term review, carried out between October and December by a team of 14 national
        and international experts, found that the programme is on track to meet most of its
        2027 targets.

        ## Coverage

        Coverage with three doses of the combined vaccine reached 96.4 percent of infants last
        year, up from 91 percent in 2021.

        In mountain districts coverage remains lower, at between 82 and 88 percent, and nearly
        7,000 children missed at least one scheduled dose.

        “The gap is no longer about vaccine supply; it is about roads, snow and trust,” said
        Dr. Malohat Sharifova, who led the review team.

        “Mobile teams reached villages that had not seen a nurse in over a year,” she said.
        “But we cannot send a team every month to every valley.”

        ## Funding

        The programme’s five-year budget is 610 million somoni, of which about 35 percent comes
        from development partners.

        Vaccine purchases alone cost around $19 million a year, and the government’s share is
        set to rise from 40 to 60 percent by 2027.

        Cold-chain equipment worth €2.1 million was installed in 120 health centres, including
        45 solar-powered refrigerators.

        ## Next steps

        - Train more than 300 additional nurses for remote districts within two years.
        - Introduce a digital register covering all 1.1 million children under five.
        - Run a campaign against so-called “vaccine myths” on social media.

        “We have nine months to fix the weak points before the next winter,” she added.
        """,
    ),
)


def blocks(body: str) -> list[Block]:
    """Paragraphs, headings and bullet items of a seed body, wrapped lines joined."""
    result: list[Block] = []
    for chunk in dedent(body).strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines()]
        if lines[0].startswith("## "):
            result.append(Block("h", " ".join(lines)[3:]))
        elif lines[0].startswith("- "):
            items: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:])
                else:
                    items[-1] += " " + line
            result.extend(Block("li", item) for item in items)
        else:
            result.append(Block("p", " ".join(lines)))
    return result


def plain_text(seed: Seed) -> str:
    """Title line, then one paragraph per line with blank lines between, like most wires."""
    parts = [seed.title]
    for block in blocks(seed.body):
        parts.append(f"- {block.text}" if block.kind == "li" else block.text)
    return "\n\n".join(parts) + "\n"


def render_txt(seed: Seed) -> bytes:
    text = plain_text(seed)
    if seed.encoding == "utf-16":  # explicit BOM + little endian, the same on every machine
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(seed.encoding)


def render_md(seed: Seed) -> bytes:
    """Markdown keeps the hard-wrapped lines as written: real notes look like that."""
    return f"# {seed.title}\n\n{dedent(seed.body).strip()}\n".encode()


_HTML_PAGE = Template("""\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="$title">
<title>$title | Relief Desk</title>
<style>
  body { font-family: Georgia, serif; margin: 0; color: #222; }
  nav ul { list-style: none; display: flex; gap: 1.5em; padding: 0.8em 2em; background: #0b3d5c; }
  nav a { color: #fff; text-decoration: none; }
  article { max-width: 42em; margin: 2em auto; line-height: 1.6; }
  .share, .newsletter { background: #f3f3f3; padding: 1em; margin: 1em 0; }
  footer { font-size: 0.8em; color: #666; text-align: center; padding: 2em; }
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function track(event) { window.dataLayer.push({"event": event, "section": "humanitarian"}); }
  var pageConfig = {"articleId": 48213, "words": 412, "label": "Share this story"};
  document.addEventListener("DOMContentLoaded", function () { track("page_view"); });
</script>
</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience.
  <button>Accept all</button></div>
<header>
  <a class="logo" href="/">Relief Desk</a>
  <nav>
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/world">World</a></li>
      <li><a href="/central-asia">Central Asia</a></li>
      <li><a href="/economy">Economy</a></li>
      <li><a href="/humanitarian">Humanitarian</a></li>
      <li><a href="/opinion">Opinion</a></li>
    </ul>
  </nav>
</header>
<main>
  <div class="breadcrumbs"><a href="/">Home</a> &rsaquo;
    <a href="/humanitarian">Humanitarian</a></div>
  <article>
    <h1>$title</h1>
    <p class="byline">By $author &middot;
      <time datetime="2025-04-18T09:30">18 April 2025, 09:30</time></p>
$paragraphs
    <div class="share">Share this:
      <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a></div>
  </article>
  <aside>
    <h2>Related stories</h2>
    <ul>
      <li><a href="/a/48170">Earthquake in Rasht valley: 2 killed, 40 homes damaged</a></li>
      <li><a href="/a/48102">Aid appeal for 5,000 returnees is 20% funded</a></li>
    </ul>
  </aside>
</main>
<footer>
  <div class="newsletter">Subscribe to our newsletter <input type="email" placeholder="Email"></div>
  <p>&copy; 2025 Relief Desk. All rights reserved. <a href="/privacy">Privacy policy</a></p>
</footer>
</body>
</html>
""")

_HTML_ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "’": "&rsquo;", "—": "&mdash;"}


def html_escape(text: str) -> str:
    """Escape markup and spell typographic marks as entities, as many CMSs do."""
    escaped = html.escape(text, quote=False)
    for char, entity in _HTML_ENTITIES.items():
        escaped = escaped.replace(char, entity)
    return escaped


def render_html(seed: Seed) -> bytes:
    paragraphs = "\n".join(f"    <p>{html_escape(block.text)}</p>" for block in blocks(seed.body))
    page = _HTML_PAGE.substitute(
        title=html_escape(seed.title), author=html.escape(seed.author), paragraphs=paragraphs
    )
    return page.encode()


def render_pdf(seed: Seed) -> bytes:
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    except ImportError as exc:
        raise SystemExit("the PDF seed needs reportlab: pip install reportlab") from exc

    styles = getSampleStyleSheet()
    story = [Paragraph(html.escape(seed.title), styles["Title"])]
    for block in blocks(seed.body):
        style = styles["Heading2"] if block.kind == "h" else styles["BodyText"]
        story.append(Paragraph(html.escape(block.text), style))
    story.append(Spacer(1, 24))
    story.append(
        Paragraph(f"{seed.author} · Briefing Note 2025/07 · Page 1 of 1", styles["Italic"])
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=seed.title,
        author=seed.author,
        subject="Briefing note",
        creator="briefbot scripts/make_seeds.py",
        invariant=1,  # fixed dates and ids, so reruns give identical bytes
    )
    document.build(story)
    return buffer.getvalue()


def render_docx(seed: Seed) -> bytes:
    try:
        import docx
    except ImportError as exc:
        raise SystemExit("the DOCX seed needs python-docx: pip install python-docx") from exc

    document = docx.Document()
    properties = document.core_properties
    properties.title = seed.title
    properties.author = seed.author
    properties.last_modified_by = seed.author
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME
    properties.revision = 1
    document.add_heading(seed.title, level=0)
    for block in blocks(seed.body):
        if block.kind == "h":
            document.add_heading(block.text, level=1)
        elif block.kind == "li":
            document.add_paragraph(block.text, style="List Bullet")
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps; python-docx stamps the current time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 3, 9, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


RENDERERS: dict[str, Callable[[Seed], bytes]] = {
    ".txt": render_txt,
    ".md": render_md,
    ".html": render_html,
    ".pdf": render_pdf,
    ".docx": render_docx,
}


def render(seed: Seed) -> bytes:
    return RENDERERS[Path(seed.name).suffix](seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale seeds, write nothing")
    parser.add_argument("--out", type=Path, default=SEEDS_DIR, help="folder to write (seeds/)")
    args = parser.parse_args(argv)

    stale: list[str] = []
    for seed in SEEDS:
        data = render(seed)
        path = args.out / seed.name
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(seed.name)
        if not args.check:
            args.out.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    verb = "stale" if args.check else "written"
    print(f"{len(stale)} of {len(SEEDS)} seeds {verb}" + "".join(f"\n  {n}" for n in stale))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
