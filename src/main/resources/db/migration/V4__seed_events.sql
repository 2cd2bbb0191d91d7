-- The two seed events, inserted once per database (Flyway runs each migration once, also with
-- several instances starting together). Registration opens at first start and closes at the start.
insert into event (id, slug, title, title_ko, description, description_ko, venue, address,
                   starts_at, ends_at, capacity, waitlist_enabled,
                   registration_opens_at, registration_closes_at, status, created_at)
values (1, 'founders-day-2027', 'Founders Day Seoul 2027', '파운더스 데이 서울 2027',
        'A day for founders and the developers who build with them: short talks from Korean startups that shipped, office hours with investors, and a hiring corner. Talks in Korean with English slides.',
        '창업자와 함께 만드는 개발자를 위한 하루. 제품을 출시한 국내 스타트업의 짧은 발표, 투자자 오피스아워, 채용 코너가 준비되어 있습니다. 발표는 한국어로 진행되며 슬라이드는 영어로 제공됩니다.',
        'COEX Conference Room 300', '513 Yeongdong-daero, Gangnam-gu, Seoul (서울 강남구 영동대로 513)',
        timestamp with time zone '2027-03-18 10:00:00+09:00', timestamp with time zone '2027-03-18 18:00:00+09:00',
        300, true, current_timestamp, timestamp with time zone '2027-03-18 10:00:00+09:00', 'published', current_timestamp);

insert into event (id, slug, title, title_ko, description, description_ko, venue, address,
                   starts_at, ends_at, capacity, waitlist_enabled,
                   registration_opens_at, registration_closes_at, status, created_at)
values (2, 'devday-exchange-2027', 'DevDay Exchange Seoul 2027', '데브데이 익스체인지 서울 2027',
        'Developers from Seoul''s startups and big tech trade what worked in production: lightning talks, open-source tables and an evening meetup. Bring your laptop.',
        '서울의 스타트업과 빅테크 개발자들이 실제 서비스에서 효과가 있었던 경험을 나눕니다. 라이트닝 토크, 오픈소스 테이블, 저녁 밋업이 이어집니다. 노트북을 챙겨 오세요.',
        'Seoul Startup Hub, Main Hall', '21 Baekbeom-ro 31-gil, Mapo-gu, Seoul (서울 마포구 백범로31길 21)',
        timestamp with time zone '2027-04-22 13:00:00+09:00', timestamp with time zone '2027-04-22 21:00:00+09:00',
        120, true, current_timestamp, timestamp with time zone '2027-04-22 13:00:00+09:00', 'published', current_timestamp);
